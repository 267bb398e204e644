package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;
import org.junit.jupiter.api.Test;

/**
 * src/test/resources/lvs/errors.conf holds one of each common mistake. {@code keepalived -t -l -f errors.conf}
 * (2.2.7, in a scratch network namespace) exits 5 and prints, in order:
 * <pre>
 * (errors.conf: Line 3) virtual server group EMPTY has no entries - removing
 * (errors.conf: Line 6) Quorum 0 must be in [1, 4294967295]. Setting to 1.
 * (errors.conf: Line 8) Real server weight -1 is outside range 0-2147483647
 * (errors.conf: Line 9) Unknown keyword 'bogus_kw'
 * (errors.conf: Line 11) Invalid checker connect_port '70000'
 * (errors.conf: Line 12) Unknown keyword 'nb_get_retry'
 * (errors.conf: Line 17) Invalid HTTP_GET status code 'abc'
 * (errors.conf: Line 18) digest '123' character length should be 32 rather than 3
 * (errors.conf: Line 22) HTTP/SSL_GET checker has no urls specified - ignoring
 * (errors.conf: Line 27) Address family of virtual server and real server 2001:db8::1 don't match - skipping real server.
 * Virtual server [192.0.2.100]:tcp:80: no scheduler set, setting default 'wlc'
 * Virtual server [192.0.2.100]:tcp:80: no forwarding method set, setting default NAT
 * VS [192.0.2.100]:tcp:80: real server [10.0.0.1]:tcp:80 is duplicated - removing second rs
 * Virtual server [192.0.2.101]:none:80: no protocol set - defaulting to UDP
 * WARNING - virtual server [192.0.2.101]:udp:80 and real server [10.0.0.1]:udp:81 ports don't match - resetting
 * </pre>
 * We report the same fifteen findings, each with file:line and keyword; block-level ones point at the block's
 * first line rather than its closing brace, and the end-of-block ones get the line keepalived leaves out.
 */
class ErrorFixtureTest {
    @Test
    void sameFindingsAsKeepalived() throws Exception {
        Path p = Path.of("src/test/resources/lvs/errors.conf");
        Diagnostics lang = new Diagnostics();
        List<ConfigNode> top = ConfigReader.read(Files.readString(p), "errors.conf", p.getParent(),
                new ReaderOptions("host", false), lang);
        Diagnostics d = new Diagnostics();
        LvsConfigReader.read(top, Lvs.HOST, d);
        List<String> got = d.all().stream()
                .map(x -> x.location() + " " + x.severity().label() + " " + x.keyword()).toList();
        assertEquals(List.of(
                "errors.conf:2 error virtual_server_group",
                "errors.conf:6 warning quorum",
                "errors.conf:8 error weight",
                "errors.conf:9 warning bogus_kw",
                "errors.conf:11 error connect_port",
                "errors.conf:12 warning nb_get_retry",
                "errors.conf:17 error status_code",
                "errors.conf:18 error digest",
                "errors.conf:21 error SSL_GET",
                "errors.conf:26 error real_server",
                "errors.conf:4 warning lvs_sched",
                "errors.conf:4 warning lvs_method",
                "errors.conf:24 error real_server",
                "errors.conf:29 warning protocol",
                "errors.conf:32 warning real_server"), got, () -> String.join("\n",
                d.all().stream().map(Object::toString).toList()));
    }
}
