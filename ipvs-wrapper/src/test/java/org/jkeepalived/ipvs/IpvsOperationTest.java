package org.jkeepalived.ipvs;

import static org.jkeepalived.ipvs.Rules.nat;
import static org.jkeepalived.ipvs.Rules.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpvsOperationTest {
    private static final ServiceKey WEB = tcp("192.0.2.1", 80);

    @Test
    void everyOperationReadsLikeIpvsadmAndGoesToItsTableCall() throws Exception {
        Service web = Service.of(WEB, "rr");
        Destination d = nat("198.51.100.1", 80, 3);
        List<IpvsOperation> ops = List.of(IpvsOperation.addService(web), IpvsOperation.addDestination(WEB, d),
                IpvsOperation.editDestination(WEB, d.withWeight(5)), IpvsOperation.editService(Service.of(WEB, "wlc")),
                IpvsOperation.deleteDestination(WEB, d.key()), IpvsOperation.deleteService(WEB));
        assertEquals(List.of("add service TCP 192.0.2.1:80 rr", "add destination 198.51.100.1:80 weight 3 to TCP 192.0.2.1:80",
                "edit destination 198.51.100.1:80 weight 5 of TCP 192.0.2.1:80", "edit service TCP 192.0.2.1:80 wlc",
                "delete destination 198.51.100.1:80 from TCP 192.0.2.1:80", "delete service TCP 192.0.2.1:80"),
                ops.stream().map(Object::toString).toList());
        FakeIpvsTable table = new FakeIpvsTable();
        assertEquals(List.of(), Reconciler.apply(table, ops));
        assertEquals(ops.stream().map(Object::toString).toList(), table.operations());
    }

    @Test
    void addAndEditNeedTheValueTheirKeyNamesAndDeleteTakesNone() {
        Destination d = nat("198.51.100.1", 80, 3);
        assertThrows(IllegalArgumentException.class, () -> new IpvsOperation.OnDestination(IpvsOperation.Verb.ADD,
                WEB, d.key(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new IpvsOperation.OnDestination(IpvsOperation.Verb.DELETE,
                WEB, d.key(), Optional.of(d)));
        assertThrows(IllegalArgumentException.class, () -> new IpvsOperation.OnDestination(IpvsOperation.Verb.EDIT,
                WEB, nat("198.51.100.2", 80, 1).key(), Optional.of(d)));
        assertThrows(IllegalArgumentException.class, () -> new IpvsOperation.OnService(IpvsOperation.Verb.ADD,
                tcp("192.0.2.2", 80), Optional.of(Service.of(WEB, "rr"))));
    }
}
