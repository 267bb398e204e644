package org.jkeepalived.watchdog.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jkeepalived status} and the metrics endpoint under real routers: a tracked script on the master fails
 * (the test flips the file it reads), the peer takes over, and the old master's status names the script, its weight
 * and result, its effective priority and the reason of its transition, while /metrics on both shows the states.
 */
class StatusFailoverIT {
    private static final String VIP = "192.0.2.100";
    private static final int PORT = 9650;
    @RegisterExtension
    final Lab lab = new Lab();

    private Path conf(String name, int priority, String script, String track) {
        return lab.routerConf(name, "metrics_listen 127.0.0.1 " + PORT, script, priority, List.of(VIP), track);
    }

    /** Runs a command in a namespace with a bounded time; its stdout. */
    private static String in(NetworkNamespace ns, String... argv) {
        return ns.exec(20, argv).stdout();
    }

    private String status(NetworkNamespace ns, Path conf) {
        return in(ns, Daemon.LAUNCHER.toString(), "status", "-f", conf.toString());
    }

    private String metrics(NetworkNamespace ns) {
        return in(ns, "curl", "-s", "--max-time", "5", "http://127.0.0.1:" + PORT + "/metrics");
    }

    @Test
    void statusExplainsAFailoverCausedByATrackedScript() throws Exception {
        assumeTrue(Command.available("curl"), "needs curl");
        Path state = lab.write("chk.state", "0\n");
        Path chk = lab.script("chk.sh", "#!/bin/sh\nexit $(cat " + state + ")\n");
        Path a = conf("a", 150, """
                vrrp_script chk_web {
                    script %s
                    interval 1
                    fall 1
                    rise 1
                }""".formatted(chk), "track_script {\n        chk_web weight -60\n    }");
        Path b = conf("b", 100, "", "");
        lab.daemon(lab.a(), "a", a);
        lab.daemon(lab.b(), "b", b);
        lab.waitFor(() -> lab.a().hasAddress(VIP), 20, "A never MASTER", "a.log", "b.log");
        lab.waitFor(() -> status(lab.b(), b).contains("VRRP Instance VI_1: BACKUP"), 15, "B's status not BACKUP",
                "b.log");
        lab.waitFor(() -> metrics(lab.a()).contains("jkeepalived_vrrp_state{instance=\"VI_1\",state=\"MASTER\"} 1"),
                10, "A's /metrics does not show MASTER", "a.log");

        lab.write("chk.state", "1\n");
        lab.waitFor(() -> lab.b().hasAddress(VIP) && !lab.a().hasAddress(VIP), 15,
                "the failing script did not move the VIP to B", "a.log", "b.log");
        lab.waitFor(() -> status(lab.a(), a).contains("Master: 192.0.2.2 priority 100"), 10,
                "A's status does not name B as master", "a.log");

        String why = status(lab.a(), a);
        assertTrue(why.contains("VRRP Instance VI_1: BACKUP"), why);
        assertTrue(why.contains("Base priority: 150"), why);
        assertTrue(why.contains("Tracked script chk_web: weight -60, result FAILED, adds -60"), why);
        assertTrue(why.contains("Effective priority: 90"), why);
        assertTrue(why.contains("Last transition: MASTER -> BACKUP, reason HIGHER_PRIORITY_ADVERT"), why);
        assertTrue(why.contains("effective priority 90"), why);

        String ma = metrics(lab.a());
        String mb = metrics(lab.b());
        assertTrue(ma.contains("jkeepalived_vrrp_state{instance=\"VI_1\",state=\"BACKUP\"} 1"), ma);
        assertTrue(ma.contains("jkeepalived_vrrp_effective_priority{instance=\"VI_1\"} 90"), ma);
        assertTrue(ma.contains("jkeepalived_vrrp_transitions_total{instance=\"VI_1\",reason=\"higher_priority_advert\"} 1"),
                ma);
        assertTrue(ma.contains("jkeepalived_child_up{child=\"vrrp\"} 1"), ma);
        assertTrue(mb.contains("jkeepalived_vrrp_state{instance=\"VI_1\",state=\"MASTER\"} 1"), mb);
        assertTrue(mb.contains("jkeepalived_vrrp_transitions_total{instance=\"VI_1\",reason=\"master_down_timer\"} 1"),
                mb);
        String json = in(lab.a(), "curl", "-s", "--max-time", "5", "http://127.0.0.1:" + PORT + "/status");
        assertTrue(json.contains("\"reason\":\"HIGHER_PRIORITY_ADVERT\""), json);
        assertTrue(json.contains("\"name\":\"chk_web\",\"weight\":-60,\"reverse\":false,\"result\":\"FAILED\""), json);
        assertEquals(0, lab.a().exec(20, Daemon.LAUNCHER.toString(), "status", "-f", a.toString()).exitCode());
    }
}
