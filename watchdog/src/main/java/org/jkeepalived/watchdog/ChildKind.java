package org.jkeepalived.watchdog;

import java.nio.file.Path;

/** The two child processes keepalived's parent runs, with what tells them apart. */
enum ChildKind {
    VRRP("Keepalived_vrrp", "VRRP child process", "org.jkeepalived.watchdog.VrrpChild"),
    CHECKERS("Keepalived_healthcheckers", "Healthcheck child process", "org.jkeepalived.watchdog.CheckerChild");

    private final String ident;
    private final String description;
    private final String mainClass;

    ChildKind(String ident, String description, String mainClass) {
        this.ident = ident;
        this.description = description;
        this.mainClass = mainClass;
    }

    /** keepalived's syslog ident for the child. */
    String ident() {
        return ident;
    }

    /** How keepalived's parent names the child in its log lines ("VRRP child process(1234) died"). */
    String description() {
        return description;
    }

    String mainClass() {
        return mainClass;
    }

    /** The child's pid file: {@code -r} / {@code -c}, or keepalived's default. */
    Path pidFile(DaemonOptions o) {
        return switch (this) {
            case VRRP -> o.vrrpPidFile != null ? o.vrrpPidFile : PidFile.DEFAULT_VRRP;
            case CHECKERS -> o.checkersPidFile != null ? o.checkersPidFile : PidFile.DEFAULT_CHECKERS;
        };
    }
}
