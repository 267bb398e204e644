package org.jkeepalived.watchdog.scripts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jkeepalived.core.testing.DaemonProcess;
import org.jkeepalived.core.testing.JvmProcess;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.jkeepalived.core.testing.RouterLab;

/**
 * What the script ITs share beyond the {@link RouterLab}: the router configuration they vary, a notify script that
 * logs its argv, and the SMTP sink.
 */
final class Lab extends RouterLab {
    /** Appends one line per call (one write, so concurrent calls do not mix): its name, then each word in brackets. */
    static final String ARGV_SCRIPT = """
            #!/bin/sh
            line="$(basename "$0")"; for a in "$@"; do line="$line [$a]"; done; echo "$line" >> LOG
            """;

    /**
     * Writes NAME.conf: instance VI_1 on eth0 (VRID 51, advert_int 1) with {@code vips}, script security on;
     * {@code globals} go into global_defs, {@code scripts} before the instance and {@code extra} inside it.
     */
    Path routerConf(String name, String globals, String scripts, int priority, List<String> vips, String extra) {
        return write(name + ".conf", """
                global_defs {
                    script_user root
                    enable_script_security
                    GLOBALS
                }
                SCRIPTS
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority PRIO
                    advert_int 1
                    virtual_ipaddress {
                        VIPS
                    }
                    EXTRA
                }
                """.replace("GLOBALS", globals).replace("SCRIPTS", scripts).replace("PRIO", Integer.toString(priority))
                .replace("VIPS", String.join("/24\n        ", vips) + "/24").replace("EXTRA", extra));
    }

    /** Starts the SMTP sink in {@code ns} on ADDRESS:PORT, recording to NAME, and waits until it listens. */
    DaemonProcess smtpSink(NetworkNamespace ns, String address, int port, String name) {
        DaemonProcess sink = start(ns, name + "-sink", JvmProcess.command(SmtpSink.class, List.of(), address,
                Integer.toString(port), dir().resolve(name).toString()));
        sink.waitForLog(Pattern.compile("listening"), Duration.ofSeconds(20));
        return sink;
    }
}
