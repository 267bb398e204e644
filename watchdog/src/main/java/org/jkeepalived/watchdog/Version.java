package org.jkeepalived.watchdog;

/** The version banner {@code -v} prints, in keepalived's shape. */
final class Version {
    private Version() {
    }

    static String number() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    static String banner() {
        return "jkeepalived v" + number() + " (keepalived 2.2 compatible)\n\n"
                + "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }
}
