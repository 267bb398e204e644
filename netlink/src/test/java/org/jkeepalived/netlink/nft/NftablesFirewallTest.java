package org.jkeepalived.netlink.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.core.config.global.Nftables;
import org.jkeepalived.vrrp.router.DropRule;
import org.junit.jupiter.api.Test;

class NftablesFirewallTest {
    @Test
    void batchesRunInOrderAndAFailureDoesNotStopTheNext() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        NftablesFirewall f = new NftablesFirewall(script -> {
            ran.add(script.lines().reduce((a, b) -> b).orElse(""));
            if (script.startsWith("add table")) {
                throw new IOException("nft exited 1: Error: Could not process rule");
            }
        });
        DropRule r = new DropRule("VI_1", Nftables.DEFAULT,
                List.of(new DropRule.Address(InetAddress.getByName("192.0.2.100"), "eth0")));
        f.removeDropRule(r);
        f.setDropRule(r);
        f.removeDropRule(r);
        f.close();
        assertEquals(List.of("add element ip keepalived vips { 192.0.2.100 }",
                "delete element ip keepalived vips { 192.0.2.100 }", "delete table ip keepalived"), ran);
    }
}
