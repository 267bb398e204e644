package org.jkeepalived.core.config.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;
import org.junit.jupiter.api.Test;

class MetricsKeywordsTest {
    private final Diagnostics d = new Diagnostics();

    private Optional<MetricsListen> read(String body) {
        List<ConfigNode> top = ConfigReader.read("global_defs {\n" + body + "\n}\n", "g.conf", Path.of("."),
                new ReaderOptions("host", false), d);
        return GlobalDefsReader.read(top, d).metricsListen();
    }

    private static String text(Optional<MetricsListen> m) {
        return m.map(l -> l.address().getHostAddress() + " " + l.port()).orElse("off");
    }

    @Test
    void offUnlessConfigured() {
        assertEquals("off", text(read("router_id r1")));
        assertEquals(Optional.empty(), GlobalDefs.DEFAULT.metricsListen());
    }

    @Test
    void addressAndPortOnOneLine() {
        assertEquals("192.0.2.1 9100", text(read(" metrics_listen 192.0.2.1 9100")));
        assertEquals(List.of(), d.all());
    }

    @Test
    void bareKeywordIsLoopbackOnTheDefaultPort() {
        assertEquals("127.0.0.1 9650", text(read(" metrics_listen")));
    }

    @Test
    void separateAddressAndPortKeywords() {
        assertEquals("127.0.0.1 9700", text(read(" metrics_listen_port 9700")));
        assertEquals("0:0:0:0:0:0:0:1 9650", text(read(" metrics_listen_address ::1")));
        assertEquals("0.0.0.0 9701", text(read(" metrics_listen_address 0.0.0.0\n metrics_listen_port 9701")));
        assertEquals(List.of(), d.all());
    }

    @Test
    void hostNameIsRefusedAndLoopbackKept() {
        assertEquals("127.0.0.1 9650", text(read(" metrics_listen localhost")));
        assertEquals(1, d.all().size(), d.all().toString());
        assertEquals(Severity.ERROR, d.all().get(0).severity());
        assertTrue(d.all().get(0).message().contains("not an IP address"), d.all().toString());
    }

    @Test
    void portOutOfRange() {
        assertEquals("127.0.0.1 9650", text(read(" metrics_listen_port 70000")));
        assertEquals(Severity.ERROR, d.all().get(0).severity());
        assertEquals(2, d.all().get(0).location().line());
    }
}
