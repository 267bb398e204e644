package org.jkeepalived.vrrp.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.notify.Notifier;
import org.jkeepalived.vrrp.track.FakeScriptRunner;
import org.junit.jupiter.api.Test;

/** Notify scripts across a reload: nothing runs for an instance that did not transition, new scripts apply. */
class ReloadNotifyTest {
    private static final long SECOND = 1_000_000_000L;

    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeNetwork network = new FakeNetwork();
    private final FakeScriptRunner runner = new FakeScriptRunner();

    private static String instance(String name, int vrid, String notify, String... vips) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n priority 150\n"
                + " notify " + notify + "\n virtual_ipaddress {\n  " + String.join("\n  ", vips) + "\n }\n}\n";
    }

    private static List<InstancePlan> plans(KeepalivedConfig c) throws Exception {
        InetAddress primary = InstancePlannerTest.ip("192.0.2.1");
        return InstancePlanner.plan(c.global(), c.vrrp(), (n, v6) -> primary).plans();
    }

    private List<String> ran() {
        return runner.runs.stream().map(r -> String.join(" ", r.argv)).toList();
    }

    @Test
    void aReloadNotifiesOnlyWhatTransitionsAndLaterTransitionsUseTheNewScripts() throws Exception {
        KeepalivedConfig first = InstancePlannerTest.config(instance("VI_1", 51, "/bin/n1", "192.0.2.100/24"));
        Notifier notifier = new Notifier(first.global(), first.vrrp(), runner, c -> ScriptVerdict.run(0, 0), 0, 0,
                "host", Duration.ofSeconds(5));
        VrrpRouter r = VrrpRouter.start(plans(first), first.vrrp().syncGroups(), scheduler, network,
                router -> notifier.attach(router.instances(), router.syncGroups()));
        scheduler.advance(4 * SECOND);
        assertEquals(List.of("/bin/n1 INSTANCE VI_1 BACKUP 150", "/bin/n1 INSTANCE VI_1 MASTER 150"), ran());

        KeepalivedConfig second = InstancePlannerTest.config(instance("VI_1", 51, "/bin/n2", "192.0.2.100/24",
                "192.0.2.110/24") + instance("VI_2", 52, "/bin/n3", "192.0.2.101/24"));
        r.reload(plans(second), second.vrrp().syncGroups(),
                router -> notifier.update(second.global(), second.vrrp(), router.instances(), router.syncGroups()));
        scheduler.runDue();
        assertEquals(List.of("/bin/n1 INSTANCE VI_1 BACKUP 150", "/bin/n1 INSTANCE VI_1 MASTER 150",
                "/bin/n3 INSTANCE VI_2 BACKUP 150"), ran(), "VI_1 did not transition; the added VI_2 did");

        r.stop(false);
        assertEquals(List.of("/bin/n2 INSTANCE VI_1 STOP 150", "/bin/n3 INSTANCE VI_2 STOP 150"),
                ran().subList(3, 5), "VI_1 notifies with its new script");
        notifier.close(Duration.ZERO);
    }
}
