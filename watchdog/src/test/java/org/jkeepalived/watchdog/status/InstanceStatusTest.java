package org.jkeepalived.watchdog.status;

import static org.jkeepalived.watchdog.status.VrrpMetricsTest.LOCAL;
import static org.jkeepalived.watchdog.status.VrrpMetricsTest.PEER;
import static org.jkeepalived.watchdog.status.VrrpMetricsTest.VIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.packet.AuthType;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.jkeepalived.vrrp.packet.VrrpStats;
import org.junit.jupiter.api.Test;

/** What {@code jkeepalived status} and /status say about a master that lost to its peer through a tracked script. */
class InstanceStatusTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final VrrpStats stats = new VrrpStats();
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private VrrpInstance failedOver() {
        VrrpInstance vi = VrrpMetricsTest.instance(InstanceSpec.builder("VI_1", 51, LOCAL).virtualAddress(VIP)
                .priority(150).track(TrackedObject.trackScript("chk", -60))
                .track(TrackedObject.trackInterface("eth1", 0)).build(), scheduler, stats);
        vi.start();
        scheduler.advance(4_000_000_000L);
        vi.scriptResult("chk", false);
        scheduler.advance(1_000_000_000L);
        vi.receivedAdvert(new VrrpAdvert(2, 51, 100, 1, AuthType.NONE, new byte[8], List.of(VIP), 0), PEER);
        scheduler.advance(2_000_000_000L);
        return vi;
    }

    @Test
    void textExplainsTheFailover() {
        VrrpInstance vi = failedOver();
        String text = InstanceStatus.text(List.of(new InstanceView(vi, stats)), scheduler.nanoTime(), NOW);
        assertEquals("""
                VRRP Instance VI_1: BACKUP for 2.0 s
                  Base priority: 150
                  Tracked script chk: weight -60, result FAILED, adds -60
                  Tracked interface eth1: weight 0, result UP, adds nothing
                  Effective priority: 90
                  Master: 192.0.2.2 priority 100
                  Last transition: MASTER -> BACKUP, reason HIGHER_PRIORITY_ADVERT, at 2026-11-21T09:59:58Z \
                (2.0 s ago), effective priority 90
                  Adverts: sent %d, received 0, dropped 0
                """.formatted(stats.advertSent()), text);
    }

    @Test
    void jsonCarriesTheSameFacts() {
        VrrpInstance vi = failedOver();
        String json = InstanceStatus.json(List.of(new InstanceView(vi, stats)), scheduler.nanoTime(), NOW);
        assertTrue(json.startsWith("[{\"name\":\"VI_1\",\"state\":\"BACKUP\",\"interface\":"), json);
        assertTrue(json.contains("\"base_priority\":150,\"effective_priority\":90"), json);
        assertTrue(json.contains("{\"kind\":\"script\",\"name\":\"chk\",\"weight\":-60,\"reverse\":false,"
                + "\"result\":\"FAILED\",\"contribution\":-60,\"fault\":false}"), json);
        assertTrue(json.contains("\"master\":{\"address\":\"192.0.2.2\",\"priority\":100,\"self\":false}"), json);
        assertTrue(json.contains("\"last_transition\":{\"from\":\"MASTER\",\"to\":\"BACKUP\",\"reason\":"
                + "\"HIGHER_PRIORITY_ADVERT\",\"time\":\"2026-11-21T09:59:58Z\",\"seconds_ago\":2.0,"
                + "\"effective_priority\":90}"), json);
    }

    @Test
    void faultNamesTheTrackedObjectAndHasNoMaster() {
        VrrpInstance vi = failedOver();
        vi.interfaceChanged("eth1", false);
        String text = InstanceStatus.text(List.of(new InstanceView(vi, stats)), scheduler.nanoTime(), NOW);
        assertTrue(text.startsWith("VRRP Instance VI_1: FAULT for 0.0 s\n"), text);
        assertTrue(text.contains("Tracked interface eth1: weight 0, result DOWN, puts the instance in FAULT"), text);
        assertTrue(text.contains("Master: unknown (FAULT: adverts are not followed)"), text);
        assertTrue(text.contains("reason TRACKER_FAULT"), text);
    }
}
