package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.junit.jupiter.api.Test;

/** A 10,000-instance (300k-line) configuration reads completely; timing is left to LargeConfig.main. */
class LargeConfigTest {
    @Test
    void tenThousandInstances() {
        String text = LargeConfig.instances(10_000);
        Diagnostics d = new Diagnostics();
        List<ConfigNode> nodes = ConfigReader.read(text, "big.conf", Path.of("/"), Trees.MAIN, d);
        assertEquals(List.of(), d.all());
        assertEquals(10_001, nodes.size());
        ConfigNode last = nodes.get(10_000);
        assertEquals("VI_9999", last.arg(0));
        assertEquals(new org.jkeepalived.core.config.SourceLocation("big.conf", 5 + 9999 * 30 + 1), last.location());
        assertEquals("priority 150", Trees.render(last.children().get(3)));
        int vrid = 9999 % 255 + 1;
        assertEquals("virtual_ipaddress { 192.0.2." + vrid + "/32 dev eth0 label eth0:" + vrid + "; 198.51.100." + vrid
                + "/32 }", Trees.render(last.children().get(9)));
        assertEquals("notify_master [/usr/local/bin/notify master VI_9999]", Trees.render(last.children().get(11)));
    }
}
