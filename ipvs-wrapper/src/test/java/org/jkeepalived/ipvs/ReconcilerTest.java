package org.jkeepalived.ipvs;

import static org.jkeepalived.ipvs.Rules.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static final ServiceKey WEB = tcp("192.0.2.1", 80);
    private static final ServiceKey MAIL = tcp("192.0.2.1", 25);
    private static final ServiceKey MARK = new ServiceKey.Fwmark(org.jkeepalived.core.config.lvs.IpFamily.INET, 7);

    private final FakeIpvsTable table = new FakeIpvsTable();

    private List<String> applyAndList(IpvsRules current, IpvsRules owned, IpvsRules desired) {
        List<IpvsOperation> ops = Reconciler.plan(current, owned, desired);
        assertEquals(List.of(), Reconciler.apply(table, ops));
        return ops.stream().map(Object::toString).toList();
    }

    @Test
    void emptyTableGetsEverythingAdded() throws Exception {
        IpvsRules want = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.2", 80, 2)), vs(MARK, "wlc"));
        List<String> ops = applyAndList(table.rules(), IpvsRules.empty(), want);
        assertEquals(List.of("add service TCP 192.0.2.1:80 rr", "add destination 10.0.0.1:80 weight 1 to TCP 192.0.2.1:80",
                "add destination 10.0.0.2:80 weight 2 to TCP 192.0.2.1:80", "add service FWM 7 wlc"), ops);
        assertEquals(want, table.rules());
    }

    @Test
    void identicalStateNeedsNothing() throws Exception {
        IpvsRules want = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), want);
        assertEquals(List.of(), Reconciler.plan(table.rules(), want, want));
    }

    @Test
    void weightOnlyChangeIsOneEdit() throws Exception {
        IpvsRules before = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.2", 80, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), before);
        IpvsRules after = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.2", 80, 0)));
        assertEquals(List.of("edit destination 10.0.0.2:80 weight 0 of TCP 192.0.2.1:80"),
                applyAndList(table.rules(), before, after));
        assertEquals(after, table.rules());
    }

    @Test
    void schedulerAndPersistenceChangesEditTheServiceInPlace() throws Exception {
        IpvsRules before = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), before);
        long created = table.services().get(0).stats().connections();
        Service changed = Service.of(WEB, "wlc").withPersistence(300, 24).withFlags(Set.of(ServiceFlag.SCHED1));
        IpvsRules after = IpvsRules.of(List.of(new VirtualService(changed, List.of(nat("10.0.0.1", 80, 1)))));
        assertEquals(List.of("edit service TCP 192.0.2.1:80 wlc"), applyAndList(table.rules(), before, after));
        assertEquals(created, table.services().get(0).stats().connections(), "service was re-created");
        assertEquals(after, table.rules());
    }

    @Test
    void forwardingAndThresholdChangesEditTheDestination() throws Exception {
        IpvsRules before = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), before);
        Destination dr = Destination.of(ip("10.0.0.1"), 80, Forwarding.Method.DR, 1).withThresholds(100, 10);
        IpvsRules after = rules(vs(WEB, "rr", dr));
        assertEquals(List.of("edit destination 10.0.0.1:80 weight 1 of TCP 192.0.2.1:80"),
                applyAndList(table.rules(), before, after));
        assertEquals(after, table.rules());
    }

    @Test
    void removedServerAndServiceAreDeletedAddedOnesAdded() throws Exception {
        IpvsRules before = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.2", 80, 1)),
                vs(MAIL, "rr", nat("10.0.0.1", 25, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), before);
        IpvsRules after = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.3", 80, 1)), vs(MARK, "sh"));
        assertEquals(List.of("delete service TCP 192.0.2.1:25",
                "delete destination 10.0.0.2:80 from TCP 192.0.2.1:80",
                "add destination 10.0.0.3:80 weight 1 to TCP 192.0.2.1:80",
                "add service FWM 7 sh"), applyAndList(table.rules(), before, after));
        assertEquals(after, table.rules());
    }

    @Test
    void unchangedRulesSurviveAReloadUntouched() throws Exception {
        IpvsRules before = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)), vs(MAIL, "rr", nat("10.0.0.1", 25, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), before);
        List<ServiceDump> dumpBefore = table.dump();
        table.clearOperations();
        IpvsRules after = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)), vs(MAIL, "rr", nat("10.0.0.1", 25, 1),
                nat("10.0.0.2", 25, 1)));
        applyAndList(table.rules(), before, after);
        assertEquals(List.of("add destination 10.0.0.2:25 weight 1 to TCP 192.0.2.1:25"), table.operations());
        List<ServiceDump> dumpAfter = table.dump();
        assertEquals(dumpBefore.get(0), dumpAfter.get(0), "web service untouched");
        assertEquals(dumpBefore.get(1).destinations().get(0), dumpAfter.get(1).destinations().get(0));
        assertEquals(dumpBefore.get(1).stats(), dumpAfter.get(1).stats());
    }

    @Test
    void foreignServicesAreLeftAloneButOwnedOnesRemoved() throws Exception {
        table.addService(Service.of(MAIL, "rr")); // added by hand with ipvsadm
        IpvsRules ours = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), ours);
        assertEquals(List.of(), Reconciler.plan(table.rules(), ours, ours));
        applyAndList(table.rules(), ours, IpvsRules.empty());
        assertEquals(Set.of(MAIL), table.rules().services().keySet());
    }

    @Test
    void stopRemovesOnlyOwnedServices() throws Exception {
        table.addService(Service.of(MAIL, "rr"));
        IpvsRules ours = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)), vs(MARK, "rr"));
        applyAndList(table.rules(), IpvsRules.empty(), ours);
        List<IpvsOperation> stop = Reconciler.planRemoval(table.rules(), ours);
        assertEquals(List.of("delete service TCP 192.0.2.1:80", "delete service FWM 7"),
                stop.stream().map(Object::toString).toList());
        assertEquals(List.of(), Reconciler.apply(table, stop));
        assertEquals(Set.of(MAIL), table.rules().services().keySet());
    }

    @Test
    void aRefusedOperationDoesNotStopTheOthers() throws Exception {
        IpvsRules want = rules(vs(WEB, "nosuch", nat("10.0.0.1", 80, 1)), vs(MAIL, "rr", nat("10.0.0.1", 25, 1)));
        List<Reconciler.Failure> failures = Reconciler.apply(table, Reconciler.plan(table.rules(),
                IpvsRules.empty(), want));
        assertEquals(2, failures.size(), failures::toString); // the service and its destination
        assertEquals(IpvsException.ENOENT, ((IpvsException) failures.get(0).cause()).errno());
        assertEquals(IpvsException.ESRCH, ((IpvsException) failures.get(1).cause()).errno());
        assertEquals(Set.of(MAIL), table.rules().services().keySet());
    }

    @Test
    void aServiceThatChangedKeyIsReplaced() throws Exception {
        IpvsRules before = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)));
        applyAndList(table.rules(), IpvsRules.empty(), before);
        ServiceKey https = tcp("192.0.2.1", 443);
        List<String> ops = applyAndList(table.rules(), before, rules(vs(https, "rr", nat("10.0.0.1", 443, 1))));
        assertEquals(List.of("delete service TCP 192.0.2.1:80", "add service TCP 192.0.2.1:443 rr",
                "add destination 10.0.0.1:443 weight 1 to TCP 192.0.2.1:443"), ops);
        assertTrue(table.rules().service(WEB) == null);
    }

    @Test
    void destinationOrderDoesNotMatter() {
        IpvsRules one = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.2", 80, 1)));
        IpvsRules other = rules(vs(WEB, "rr", nat("10.0.0.2", 80, 1), nat("10.0.0.1", 80, 1)));
        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        assertEquals(List.of(), Reconciler.plan(one, one, other));
    }
}
