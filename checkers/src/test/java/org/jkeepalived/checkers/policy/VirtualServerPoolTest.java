package org.jkeepalived.checkers.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.jkeepalived.core.config.lvs.VirtualServer;
import org.junit.jupiter.api.Test;

class VirtualServerPoolTest {
    private static VirtualServer vs(String body) {
        return Configs.parse("virtual_server 192.0.2.10 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + body + "\n}\n").lvs().virtualServers().get(0);
    }

    private static final String THREE = """
             real_server 198.51.100.1 80 { weight 2
              TCP_CHECK { }
             }
             real_server 198.51.100.2 80 { weight 2
              TCP_CHECK { }
             }
             real_server 198.51.100.3 80 { weight 2
              TCP_CHECK { }
             }
            """;

    private static boolean[][] allUp(int n) {
        boolean[][] b = new boolean[n][];
        for (int i = 0; i < n; i++) {
            b[i] = new boolean[] {true};
        }
        return b;
    }

    private static String dests(VirtualServerPool p) {
        return p.destinations().stream().map(d -> LvsNames.text(d.address()) + ":" + d.port() + "=" + d.weight()
                + (d.sorry() ? "(sorry)" : "")).collect(Collectors.joining(" "));
    }

    @Test
    void deadServerIsRemovedAndComesBack() {
        RecordingPoolListener l = new RecordingPoolListener();
        VirtualServerPool p = new VirtualServerPool(vs(THREE), allUp(3), l);
        p.start();
        assertEquals("198.51.100.1:80=2 198.51.100.2:80=2 198.51.100.3:80=2", dests(p));
        p.checkerChanged(1, 0, false);
        assertEquals("198.51.100.1:80=2 198.51.100.3:80=2", dests(p));
        assertEquals(List.of("RS [198.51.100.2]:tcp:80 DOWN"), l.events);
        p.checkerChanged(1, 0, true);
        assertEquals("198.51.100.1:80=2 198.51.100.2:80=2 198.51.100.3:80=2", dests(p));
        assertEquals("RS [198.51.100.2]:tcp:80 UP", l.events.get(1));
    }

    @Test
    void inhibitOnFailureKeepsTheServerAtWeightZero() {
        VirtualServerPool p = new VirtualServerPool(vs("inhibit_on_failure\n" + THREE), allUp(3),
                new RecordingPoolListener());
        p.start();
        p.checkerChanged(0, 0, false);
        assertEquals("198.51.100.1:80=0 198.51.100.2:80=2 198.51.100.3:80=2", dests(p));
    }

    @Test
    void alphaStartsWithServersOutOfThePoolAndQuorumLost() {
        RecordingPoolListener l = new RecordingPoolListener();
        boolean[][] down = {{false}, {false}, {false}};
        VirtualServerPool p = new VirtualServerPool(vs("alpha\n" + THREE), down, l);
        p.start();
        assertEquals("", dests(p));
        assertFalse(p.quorumUp());
        assertEquals(List.of("VS [192.0.2.10]:tcp:80 DOWN"), l.events);
        p.checkerChanged(2, 0, true);
        assertTrue(p.quorumUp());
        assertEquals(List.of("VS [192.0.2.10]:tcp:80 DOWN", "RS [198.51.100.3]:tcp:80 UP", "VS [192.0.2.10]:tcp:80 UP"),
                l.events);
    }

    @Test
    void quorumWithHysteresis() {
        RecordingPoolListener l = new RecordingPoolListener();
        // quorum 4, hysteresis 1: lost below 3, regained at 5 or more
        VirtualServerPool p = new VirtualServerPool(vs("quorum 4\nhysteresis 1\n" + THREE), allUp(3), l);
        p.start();
        p.checkerChanged(0, 0, false); // 4 left: still up
        assertTrue(p.quorumUp());
        p.checkerChanged(1, 0, false); // 2 left: lost
        assertFalse(p.quorumUp());
        p.checkerChanged(1, 0, true); // 4: not yet regained
        assertFalse(p.quorumUp());
        p.checkerChanged(0, 0, true); // 6: regained
        assertTrue(p.quorumUp());
        assertEquals(List.of("RS [198.51.100.1]:tcp:80 DOWN", "RS [198.51.100.2]:tcp:80 DOWN",
                "VS [192.0.2.10]:tcp:80 DOWN", "RS [198.51.100.2]:tcp:80 UP", "RS [198.51.100.1]:tcp:80 UP",
                "VS [192.0.2.10]:tcp:80 UP"), l.events);
    }

    @Test
    void sorryServerReplacesThePoolBelowQuorum() {
        VirtualServerPool p = new VirtualServerPool(vs("quorum 4\nsorry_server 203.0.113.9 8080\n" + THREE), allUp(3),
                new RecordingPoolListener());
        p.start();
        p.checkerChanged(0, 0, false);
        assertEquals("198.51.100.2:80=2 198.51.100.3:80=2", dests(p));
        p.checkerChanged(1, 0, false);
        assertTrue(p.sorryActive());
        assertEquals("203.0.113.9:8080=1(sorry)", dests(p));
        p.checkerChanged(0, 0, true);
        assertFalse(p.sorryActive());
        assertEquals("198.51.100.1:80=2 198.51.100.3:80=2", dests(p));
    }

    @Test
    void inhibitedSorryServerWaitsAtWeightZero() {
        VirtualServerPool p = new VirtualServerPool(vs("sorry_server 203.0.113.9 8080\nsorry_server_inhibit\n"
                + THREE), allUp(3), new RecordingPoolListener());
        p.start();
        assertEquals("198.51.100.1:80=2 198.51.100.2:80=2 198.51.100.3:80=2 203.0.113.9:8080=0(sorry)", dests(p));
        for (int i = 0; i < 3; i++) {
            p.checkerChanged(i, 0, false);
        }
        assertEquals("203.0.113.9:8080=1(sorry)", dests(p));
    }

    @Test
    void dynamicWeightChangesTheServerWeightAndQuorum() {
        RecordingPoolListener l = new RecordingPoolListener();
        VirtualServerPool p = new VirtualServerPool(vs("quorum 5\n" + THREE), allUp(3), l);
        p.start();
        p.weightChanged(0, 0, 8); // 2 + 8
        assertEquals("198.51.100.1:80=10 198.51.100.2:80=2 198.51.100.3:80=2", dests(p));
        p.checkerChanged(1, 0, false);
        p.checkerChanged(2, 0, false);
        assertTrue(p.quorumUp(), "10 >= 5");
    }

    @Test
    void aServerIsUpOnlyWhenAllItsCheckersAre() {
        VirtualServerPool p = new VirtualServerPool(vs("""
                real_server 198.51.100.1 80 {
                 TCP_CHECK { }
                 HTTP_GET { url { path / } }
                }
                """), new boolean[][] {{true, true}}, new RecordingPoolListener());
        p.start();
        p.checkerChanged(0, 1, false);
        assertEquals("", dests(p));
        p.checkerChanged(0, 0, false);
        p.checkerChanged(0, 1, true);
        assertEquals("", dests(p));
        p.checkerChanged(0, 0, true);
        assertEquals("198.51.100.1:80=1", dests(p));
    }

    @Test
    void omegaRunsDownNotifiesOnStop() {
        RecordingPoolListener l = new RecordingPoolListener();
        VirtualServerPool p = new VirtualServerPool(vs("omega\n" + THREE), allUp(3), l);
        p.start();
        p.checkerChanged(0, 0, false);
        l.events.clear();
        p.stop();
        assertEquals(List.of("RS [198.51.100.2]:tcp:80 DOWN", "RS [198.51.100.3]:tcp:80 DOWN",
                "VS [192.0.2.10]:tcp:80 DOWN"), l.events);
        RecordingPoolListener quiet = new RecordingPoolListener();
        VirtualServerPool q = new VirtualServerPool(vs(THREE), allUp(3), quiet);
        q.start();
        q.stop();
        assertEquals(List.of(), quiet.events);
    }
}
