package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * no_accept and vrrp_strict at run time: a MASTER that is not the address owner drops packets to its VIP through
 * keepalived's nftables table, so a client's TCP connection to the VIP goes unanswered while the router's own
 * address answers; with {@code accept} the VIP answers and there is no table. The table jkeepalived installs is
 * compared, as {@code nft list ruleset} prints it, with what Debian's keepalived 2.2.7 installs on the same
 * configuration in the same namespace, as MASTER, as BACKUP and after a stop.
 */
class NoAcceptIT {
    private static final String VIP = "192.0.2.50";
    private static final Duration STARTUP = Duration.ofSeconds(20);
    /** What keepalived 2.2.7 lists in a MASTER's namespace for the {@link #config} below (verbatim). */
    private static final String KEEPALIVED_MASTER = """
            table ip keepalived {
            	set vips {
            		type ipv4_addr
            		elements = { 192.0.2.50 }
            	}

            	chain out {
            		type filter hook output priority filter - 1; policy accept;
            		ip saddr @vips drop
            	}

            	chain in {
            		type filter hook input priority filter - 1; policy accept;
            		ip daddr @vips drop
            	}
            }
            """;

    private Lan lan;
    private final Path dir = Path.of("target", "noaccept-it", Long.toString(System.nanoTime())).toAbsolutePath();

    @BeforeAll
    static void requirements() {
        assumeTrue(Command.isRoot(), "needs root for network namespaces");
        assumeTrue(Command.available("nft"), "needs nft (apt-get install nftables)");
        assumeTrue(Command.available("keepalived"), "needs keepalived (bin/install-test-deps)");
    }

    @AfterEach
    void teardown() {
        if (lan != null) {
            lan.close();
            lan = null;
        }
    }

    static String config(int priority, String extra) {
        return "global_defs {\n    router_id r" + priority + "\n    vrrp_strict\n}\n"
                + "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority " + priority
                + "\n    advert_int 1\n" + extra + "    virtual_ipaddress {\n        " + VIP + "/24\n    }\n}\n";
    }

    @Test
    void strictMasterDropsVipTrafficWithKeepalivedsTable() {
        lan = Lan.create(2);
        String keepalived = masterRuleset(Daemon.KEEPALIVED, "k");
        String ours = masterRuleset(Daemon.JKEEPALIVED, "j");
        assertEquals(KEEPALIVED_MASTER, keepalived, "keepalived 2.2.7 as recorded");
        assertEquals(keepalived, ours);
    }

    /** Runs {@code daemon} as MASTER on r1, checks the VIP is unreachable, returns its ruleset, stops it. */
    private String masterRuleset(Daemon daemon, String tag) {
        Node r1 = lan.router(1);
        try (RouterProcess p = RouterProcess.start(daemon, r1, config(150, ""), dir.resolve(tag))) {
            p.waitForLog(Pattern.compile("\\(VI_1\\) Entering MASTER STATE"), STARTUP);
            String ruleset = awaitRuleset(r1, VIP);
            assertTrue(r1.ns().hasAddress(VIP), "VIP installed");
            assertTrue(lan.reach(r1.ipv4()), "the router's own address answers");
            assertFalse(lan.reach(VIP), daemon + ": the VIP must not answer under no_accept\n" + p.tail());
            p.waitForLog(Pattern.compile("\\(VI_1\\) setting firewall drop rule"), STARTUP);
            p.terminate();
            assertTrue(p.waitForExit(Duration.ofSeconds(15)).isPresent(), "stopped");
            assertEquals("", ruleset(r1), daemon + " deletes its table when it stops");
            return ruleset;
        }
    }

    @Test
    void backupKeepsTheTableWithAnEmptySet() {
        lan = Lan.create(2);
        Node r1 = lan.router(1);
        try (RouterProcess p1 = RouterProcess.start(Daemon.JKEEPALIVED, r1, config(150, ""), dir.resolve("b1"))) {
            p1.waitForLog(Pattern.compile("\\(VI_1\\) Entering MASTER STATE"), STARTUP);
            awaitRuleset(r1, VIP);
            int mark = p1.mark();
            try (RouterProcess p2 = RouterProcess.start(Daemon.JKEEPALIVED, lan.router(2), config(200, ""),
                    dir.resolve("b2"))) {
                p1.waitForLog(mark, Pattern.compile("\\(VI_1\\) Entering BACKUP STATE"), STARTUP);
                p1.waitForLog(mark, Pattern.compile("\\(VI_1\\) removing firewall drop rule"), STARTUP);
                String expected = KEEPALIVED_MASTER.replace("\t\telements = { 192.0.2.50 }\n", "");
                assertTrue(Wait.until(Duration.ofSeconds(10), Duration.ofMillis(50),
                        () -> ruleset(r1).equals(expected)), "keepalived keeps the table as BACKUP:\n" + ruleset(r1));
                assertFalse(lan.reach(VIP), "the new MASTER drops too");
                p2.terminate();
                p2.waitForExit(Duration.ofSeconds(15));
            }
        }
    }

    @Test
    void acceptAnswersAndInstallsNothing() {
        lan = Lan.create(1);
        Node r1 = lan.router(1);
        try (RouterProcess p = RouterProcess.start(Daemon.JKEEPALIVED, r1, config(150, "    version 3\n    accept\n"),
                dir.resolve("a"))) {
            p.waitForLog(Pattern.compile("\\(VI_1\\) Entering MASTER STATE"), STARTUP);
            assertTrue(Wait.until(Duration.ofSeconds(10), Duration.ofMillis(50), () -> r1.ns().hasAddress(VIP)));
            assertTrue(lan.reach(VIP), "accept: the VIP answers\n" + p.tail());
            assertEquals("", ruleset(r1));
        }
    }

    private static String awaitRuleset(Node node, String element) {
        assertTrue(Wait.until(Duration.ofSeconds(10), Duration.ofMillis(50), () -> ruleset(node).contains(element)),
                "no nftables element " + element + " in " + node.nsName() + ":\n" + ruleset(node));
        return ruleset(node);
    }

    private static String ruleset(Node node) {
        return node.ns().exec(10, "nft", "list", "ruleset").stdout();
    }
}
