package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.Wait;

/**
 * A {@link Lan} with VRRP daemons on its routers, captures and address monitors: everything one
 * failover test starts, closed in reverse order (daemons killed, namespaces deleted) by {@link #close}.
 * Logs and captures stay under {@code target/failover-it/} for a failed test to be read.
 */
final class Testbed implements AutoCloseable {
    static final Pattern MASTER = Pattern.compile("\\(VI_1\\) Entering MASTER STATE");
    static final Pattern BACKUP = Pattern.compile("\\(VI_1\\) Entering BACKUP STATE");
    static final Pattern FAULT = Pattern.compile("\\(VI_1\\) Entering FAULT STATE");
    static final Pattern ANY_STATE = Pattern.compile("\\(VI_1\\) Entering ([A-Z]+) STATE");
    /**
     * How late a takeover may be beyond the RFC bound before a test calls it wrong. The timing itself is
     * benchmarked (bench/failover.sh); this only catches a takeover that is wrong. 250 ms because on the
     * shared 2-vCPU machines, under a full build, keepalived itself was once seen 166 ms late.
     */
    static final long TOLERANCE_MICROS = 250_000;
    static final Duration STARTUP = Duration.ofSeconds(25);

    private final Lan lan;
    private final VrrpConfig config;
    private final Path dir;
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private int starts;

    private Testbed(Lan lan, VrrpConfig config, Path dir) {
        this.lan = lan;
        this.config = config;
        this.dir = dir;
    }

    static Testbed create(int routers, VrrpConfig config, String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS"));
        Path dir = Path.of("target", "failover-it", name.replaceAll("[^A-Za-z0-9_.-]+", "_") + "-" + stamp)
                .toAbsolutePath();
        return new Testbed(Lan.create(routers), config, dir);
    }

    Lan lan() {
        return lan;
    }

    VrrpConfig config() {
        return config;
    }

    String vip() {
        return config.vip();
    }

    /** Starts {@code daemon} on router {@code i} at {@code priority}; the other routers are its unicast peers. */
    RouterProcess start(int i, Daemon daemon, int priority) {
        Node self = lan.router(i);
        List<Node> peers = lan.routers().stream().filter(n -> n != self).toList();
        RouterProcess p = RouterProcess.start(daemon, self, config.render(self, priority, peers),
                dir.resolve(self.role() + "-" + (++starts)));
        open.push(p);
        return p;
    }

    /** A capture of what {@code node} sends, on its bridge port. */
    Capture captureFrom(Node node) {
        Capture c = Capture.start(lan.bridge(), node.bridgePort(), true, dir, "from-" + node.role() + "-" + (++starts));
        open.push(c);
        return c;
    }

    /** A capture of what the client receives. */
    Capture captureAtClient() {
        Capture c = Capture.start(lan.client().ns(), "eth0", false, dir, "client-" + (++starts));
        open.push(c);
        return c;
    }

    AddressMonitor monitor(Node node) {
        AddressMonitor m = AddressMonitor.start(node, dir);
        open.push(m);
        return m;
    }

    /**
     * Waits until the last state {@code master} logged is MASTER and it holds the VIP, and the last
     * state each backup logged is BACKUP and none holds the VIP.
     */
    void awaitRoles(RouterProcess master, List<RouterProcess> backups, Duration timeout) {
        boolean settled = Wait.until(timeout, Duration.ofMillis(20), () -> "MASTER".equals(lastState(master))
                && backups.stream().allMatch(b -> "BACKUP".equals(lastState(b)))
                && master.node().ns().hasAddress(vip())
                && backups.stream().noneMatch(b -> b.node().ns().hasAddress(vip())));
        if (!settled) {
            StringBuilder why = new StringBuilder("expected " + master + " MASTER with " + vip() + " alone:");
            for (RouterProcess r : all(master, backups)) {
                why.append("\n--- ").append(r).append(" state ").append(lastState(r)).append(", addresses ")
                        .append(r.node().ns().addresses()).append("\n").append(r.tail());
            }
            fail(why.toString());
        }
    }

    /** The state in the last "(VI_1) Entering ... STATE" line of {@code p}'s log, or null. */
    static String lastState(RouterProcess p) {
        java.util.regex.Matcher m = ANY_STATE.matcher(p.logText());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static List<RouterProcess> all(RouterProcess master, List<RouterProcess> backups) {
        List<RouterProcess> all = new ArrayList<>(List.of(master));
        all.addAll(backups);
        return all;
    }

    /**
     * Lets the client reach the VIP once, so that it has a neighbour entry a GARP/NA can update;
     * checks the entry's MAC unless {@code expectedMac} is null.
     */
    String learnVip(String expectedMac) {
        assertTrue(Wait.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> lan.reach(vip())),
                "client cannot reach " + vip());
        String mac = lan.clientNeighbour(vip()).orElseThrow(() -> new AssertionError("no neighbour entry for " + vip()));
        if (expectedMac != null) {
            assertEquals(expectedMac, mac, "client's neighbour entry for " + vip());
        }
        return mac;
    }

    /** Waits until the client's neighbour entry for the VIP is {@code mac} (updated by a GARP or NA alone). */
    void awaitClientNeighbour(String mac, Duration timeout) {
        boolean moved = Wait.until(timeout, Duration.ofMillis(20),
                () -> lan.clientNeighbour(vip()).map(mac::equals).orElse(false));
        assertTrue(moved, "client's neighbour entry for " + vip() + " is " + lan.clientNeighbour(vip())
                + ", expected " + mac);
    }

    /** The last advert with a non-zero priority in {@code capture} at or before {@code beforeMicros}. */
    static Frame lastAdvertBefore(Capture capture, long beforeMicros) {
        List<Frame> adverts = capture.frames(f -> f.isAdvert() && f.priority() > 0 && f.micros() <= beforeMicros);
        if (adverts.isEmpty()) {
            throw new AssertionError("no advert captured in " + capture.file());
        }
        return adverts.get(adverts.size() - 1);
    }

    static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                first = first == null ? new IllegalStateException(e) : first;
            }
        }
        lan.close();
        if (first != null) {
            throw first;
        }
    }
}
