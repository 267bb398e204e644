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
        return "track_file tf {\n file /tmp/x\n}\nbfd_instance b1 {\n}\n"
                .substring(0, 0)
                + Lvs.wrap(vsExtra + " real_server 10.0.0.1 80 {\n" + rsExtra + checker + "\n }\n");
    }

    static Checker one(String checker) {
        return Lvs.clean(conf(checker)).virtualServers().get(0).realServers().get(0).checkers().get(0);
    }

    static Lvs read(String checker) {
        return Lvs.read(conf(checker));
    }
}
