package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * keepalived's own LVS samples (copied to src/test/resources/lvs/samples) read without diagnostics, except where
 * keepalived 2.2.7's {@code -t} reports something too.
 */
class SamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"HTTP_GET.port", "PING_CHECK", "SMTP_CHECK", "SSL_GET", "UDP_CHECK", "inhibit",
            "misc_check", "misc_check_arg", "quorum", "status_code", "virtual_server_group", "virtualhost", "sample"})
    void sampleReadsClean(String name) throws Exception {
        assertEquals("", diagnostics(name));
    }

    /** keepalived -t: "Warning: Virtual server FWM 1: protocol specified for fwmark - protocol will be ignored". */
    @org.junit.jupiter.api.Test
    void fwmarkSampleWarnsAboutProtocolAsKeepalivedDoes() throws Exception {
        String s = diagnostics("fwmark");
        assertEquals(1, s.lines().count(), s);
        assertFalse(s.isEmpty());
        assertEquals(true, s.contains("keepalived.conf.fwmark:12: warning: protocol:"), s);
    }

    private static String diagnostics(String name) throws Exception {
        Path p = Path.of("src/test/resources/lvs/samples/keepalived.conf." + name);
        Diagnostics lang = new Diagnostics();
        List<ConfigNode> top = ConfigReader.read(Files.readString(p), p.getFileName().toString(), p.getParent(),
                new ReaderOptions("host", false), lang);
        Diagnostics d = new Diagnostics();
        LvsConfigReader.read(top, HostInterfaces.ANY, d);
        return d.all().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
