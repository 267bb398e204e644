package org.jkeepalived.core.config.lvs.check;

import org.jkeepalived.core.config.lvs.Lvs;

/** Test helper: a config with one real server holding the given checker text (checker starts on line 6). */
final class Checkers {
    private Checkers() {
    }

    static String conf(String checker) {
        return conf("", "", checker);
    }

    /** {@code vsExtra} goes before the real server, {@code rsExtra} inside it before the checker. */
    static String conf(String vsExtra, String rsExtra, String checker) {
        // Blocks named by FILE_CHECK and BFD_CHECK, after the virtual server so that line numbers stay put.
        return Lvs.wrap(vsExtra + " real_server 10.0.0.1 80 {\n" + rsExtra + checker + "\n }\n")
                + "track_file tf {\n file /tmp/x\n}\nvrrp_track_file old {\n file /tmp/y\n}\nbfd_instance b1 {\n}\n";
    }

    static Checker one(String checker) {
        return Lvs.clean(conf(checker)).virtualServers().get(0).realServers().get(0).checkers().get(0);
    }

    static Lvs read(String checker) {
        return Lvs.read(conf(checker));
    }
}
