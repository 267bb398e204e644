package org.jkeepalived.ipvs;

import static org.jkeepalived.ipvs.Rules.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableKeeperTest {
    private static final ServiceKey WEB = tcp("192.0.2.1", 80);
    private static final ServiceKey MAIL = tcp("192.0.2.1", 25);
    private final FakeIpvsTable table = new FakeIpvsTable();
    private final TableKeeper keeper = new TableKeeper(table);

    @Test
    void syncAppliesOnlyTheDeltaEachTime() throws Exception {
        keeper.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.2", 80, 1))));
        table.clearOperations();
        keeper.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1))));
        keeper.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1), nat("10.0.0.2", 80, 1))));
        assertEquals(List.of("delete destination 10.0.0.2:80 from TCP 192.0.2.1:80",
                "add destination 10.0.0.2:80 weight 1 to TCP 192.0.2.1:80"), table.operations());
    }

    @Test
    void stopRemovesOwnedRulesUnlessKept() throws Exception {
        table.addService(Service.of(MAIL, "rr"));
        keeper.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1))));
        assertEquals(List.of(), keeper.stop(false));
        assertEquals(Set.of(MAIL), table.rules().services().keySet());

        TableKeeper again = new TableKeeper(table);
        again.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1))));
        again.stop(true); // -I
        assertEquals(Set.of(MAIL, WEB), table.rules().services().keySet());
    }

    @Test
    void aRestartedKeeperAdoptsMatchingRulesWithoutTouchingThem() throws Exception {
        IpvsRules want = rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1)));
        keeper.sync(want);
        keeper.stop(true);
        table.clearOperations();
        new TableKeeper(table).sync(want);
        assertEquals(List.of(), table.operations());
    }

    @Test
    void afterARefusalTheNextSyncReadsTheTableAgain() throws Exception {
        keeper.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 1))));
        table.deleteService(WEB); // behind the keeper's back
        assertEquals(1, keeper.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 2)))).size());
        assertEquals(List.of(), keeper.sync(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 2)))));
        assertEquals(rules(vs(WEB, "rr", nat("10.0.0.1", 80, 2))), table.rules());
    }
}
