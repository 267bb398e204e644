package org.jkeepalived.watchdog.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.DaemonProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real keepalived 2.2.7 and jkeepalived run the same configuration in turn, in one namespace: an instance
 * and a sync group with every notify script writing its argv, a vrrp_notify_fifo with its reader script, a
 * tracked script that fails and recovers, and smtp_alert to an SMTP sink in the namespace. Each daemon goes
 * BACKUP, MASTER, FAULT, BACKUP, MASTER, STOP; a second instance with notify_priority_changes sees its
 * priority drop and come back through a weighted script (MASTER_PRIORITY lines); the scripts' argv, the FIFO
 * lines and the mail subjects must be the same (as multisets: both run notifications asynchronously, so their order is not fixed).
 */
class NotifyAgreementIT {
    private static final String VIP = "192.0.2.100";
    private static final String VIP2 = "192.0.2.101";
    @RegisterExtension
    final Lab lab = new Lab();

    @BeforeAll
    static void needsKeepalived() {
        assumeTrue(Command.available("keepalived"), "needs keepalived to compare with");
    }

    @Test
    void notifyScriptsFifoLinesAndMailMatchKeepalived() throws Exception {
        Result keepalived = run("k", true);
        Result jkeepalived = run("j", false);
        assertEquals(sorted(keepalived.argv), sorted(jkeepalived.argv),
                "notify argv\n--- keepalived\n" + keepalived.argv + "\n--- jkeepalived\n" + jkeepalived.argv);
        assertEquals(sorted(withoutStop(keepalived.fifo)), sorted(withoutStop(jkeepalived.fifo)), "FIFO lines");
        assertEquals(sorted(keepalived.subjects), sorted(jkeepalived.subjects), "mail subjects");
        assertTrue(jkeepalived.fifo.contains("INSTANCE \"VI_1\" MASTER 100\n"), jkeepalived.fifo);
        assertTrue(jkeepalived.fifo.contains("GROUP \"G1\" FAULT 0\n"), jkeepalived.fifo);
        assertTrue(jkeepalived.fifo.contains("INSTANCE \"VI_2\" MASTER_PRIORITY 90\n"), jkeepalived.fifo);
        assertTrue(jkeepalived.argv.contains("argv.sh [inotify] [x y] [INSTANCE] [VI_1] [MASTER] [100]"),
                jkeepalived.argv);
        assertTrue(jkeepalived.mail.contains("C: X-Mailer: Keepalived"), jkeepalived.mail);
        assertTrue(jkeepalived.mail.contains("C: => VRRP Instance is now owning VRRP VIPs <="), jkeepalived.mail);
    }

    private record Result(String argv, String fifo, String subjects, String mail) {
    }

    private Result run(String tag, boolean real) throws Exception {
        Path argv = lab.dir().resolve(tag + "-argv.log");
        lab.script(tag + "argv.sh", Lab.ARGV_SCRIPT.replace("LOG", argv.toString()));
        Path state = lab.write(tag + "-chk.state", "0\n");
        lab.script(tag + "chk.sh", "#!/bin/sh\nexit $(cat " + state + ")\n");
        Path prio = lab.write(tag + "-prio.state", "0\n");
        lab.script(tag + "prio.sh", "#!/bin/sh\nexit $(cat " + prio + ")\n");
        Path fifoLog = lab.dir().resolve(tag + "-fifo.log");
        lab.script(tag + "fifo.sh", "#!/bin/sh\nwhile read line; do echo \"$line\" >> " + fifoLog
                + "; done < \"$2\"\n");
        int port = real ? 2525 : 2526; // one sink per daemon
        lab.smtpSink(lab.a(), "127.0.0.1", port, tag + "-mail.log");
        Path conf = lab.write(tag + ".conf", """
                global_defs {
                    router_id R1
                    notification_email {
                        admin@example.com
                        ops@example.com
                    }
                    notification_email_from kad@example.com
                    smtp_server 127.0.0.1 PORT
                    smtp_connect_timeout 5
                    script_user root
                    enable_script_security
                    vrrp_notify_fifo DIR/TAG.fifo
                    vrrp_notify_fifo_script "DIR/TAGfifo.sh farg"
                }
                vrrp_script chk {
                    script DIR/TAGchk.sh
                    interval 1
                    fall 2
                    rise 2
                }
                vrrp_script prio {
                    script DIR/TAGprio.sh
                    interval 1
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 52
                    priority 100
                    advert_int 1
                    virtual_ipaddress {
                        VIP2/24
                    }
                    track_script {
                        prio weight -10
                    }
                    notify_priority_changes
                }
                vrrp_sync_group G1 {
                    group {
                        VI_1
                    }
                    notify "DIR/TAGargv.sh gnotify"
                    notify_master "DIR/TAGargv.sh gmaster"
                    notify_backup "DIR/TAGargv.sh gbackup"
                    notify_fault "DIR/TAGargv.sh gfault"
                    notify_stop "DIR/TAGargv.sh gstop"
                    smtp_alert
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    advert_int 1
                    virtual_ipaddress {
                        VIP/24
                    }
                    track_script {
                        chk
                    }
                    notify "DIR/TAGargv.sh inotify 'x y'"
                    notify_master "DIR/TAGargv.sh imaster"
                    notify_backup "DIR/TAGargv.sh ibackup"
                    notify_fault "DIR/TAGargv.sh ifault"
                    notify_stop "DIR/TAGargv.sh istop"
                    smtp_alert
                }
                """.replace("DIR", lab.dir().toString()).replace("TAG", tag).replace("VIP2", VIP2).replace("VIP", VIP)
                .replace("PORT", Integer.toString(port)));
        DaemonProcess p = lab.daemon(lab.a(), tag, conf, real ? Daemon.KEEPALIVED : Daemon.JKEEPALIVED);
        String log = tag + ".log";
        lab.waitFor(() -> lab.a().hasAddress(VIP), 20, tag + ": never MASTER", log);
        lab.waitFor(() -> lab.read(tag + "-argv.log").contains("[MASTER]"), 5, tag + ": no MASTER notify", log);
        String fifo = tag + "-fifo.log";
        lab.waitFor(() -> lab.read(fifo).contains("INSTANCE \"VI_2\" MASTER 100"), 10, tag + ": VI_2 not MASTER", log);
        lab.write(tag + "-prio.state", "1\n");
        lab.waitFor(() -> lab.read(fifo).contains("\"VI_2\" MASTER_PRIORITY 90"), 10, tag + ": no priority 90", log,
                fifo);
        lab.write(tag + "-prio.state", "0\n");
        lab.waitFor(() -> lab.read(fifo).contains("\"VI_2\" MASTER_PRIORITY 100"), 10, tag + ": no priority 100",
                log, fifo);
        lab.write(tag + "-chk.state", "1\n");
        lab.waitFor(() -> lab.read(tag + "-argv.log").contains("[G1] [FAULT]"), 10, tag + ": no FAULT", log);
        lab.write(tag + "-chk.state", "0\n");
        lab.waitFor(() -> lab.read(tag + "-argv.log").split("\\[VI_1\\] \\[MASTER\\]", -1).length == 3, 15,
                tag + ": not MASTER again", log, tag + "-argv.log");
        lab.waitFor(() -> lab.read(tag + "-mail.log").split("Subject:", -1).length >= 11, 20,
                tag + ": mail missing", log, tag + "-mail.log");
        p.stop(15);
        lab.waitFor(() -> lab.read(tag + "-argv.log").contains("[G1] [STOP]"), 5, tag + ": no STOP", log);
        Thread.sleep(500);
        String subjects = String.join("\n", lab.read(tag + "-mail.log").lines()
                .filter(l -> l.startsWith("C: Subject:") && !l.contains("Stopping")).toList());
        return new Result(lab.read(tag + "-argv.log").replace(tag + "argv.sh", "argv.sh"), lab.read(tag + "-fifo.log"),
                subjects, lab.read(tag + "-mail.log"));
    }

    private static List<String> sorted(String lines) {
        return Arrays.stream(lines.split("\n")).filter(l -> !l.isBlank()).sorted().toList();
    }

    /** keepalived kills its FIFO script while it writes the STOP lines: whether they are read is a race. */
    private static String withoutStop(String lines) {
        return String.join("\n", lines.lines().filter(l -> !l.contains(" STOP ")).toList());
    }
}
