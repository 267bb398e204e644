package org.jkeepalived.core.config.lvs.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.lvs.Lvs;
import org.jkeepalived.core.config.ScriptCommand;
import org.junit.jupiter.api.Test;

/** TCP, PING, MISC, SMTP, DNS, UDP, FILE and BFD checkers. */
class OtherCheckersTest {
    private static List<Checker> none(Lvs l) {
        return l.config.virtualServers().get(0).realServers().get(0).checkers();
    }

    @Test
    void tcpAndPing() {
        assertTrue(Checkers.one("TCP_CHECK {\n}") instanceof TcpCheck);
        Checker p = Checkers.one("PING_CHECK {\n retry 2\n}");
        assertEquals("PING_CHECK", p.kind());
        assertEquals(2, p.common().retry());
    }

    @Test
    void misc() {
        MiscCheck m = (MiscCheck) Checkers.one("MISC_CHECK {\n misc_path /bin/true\n}");
        assertEquals(new ScriptCommand("/bin/true", Optional.empty(), Optional.empty(),
                m.script().location()), m.script());
        assertEquals(Optional.empty(), m.timeout());
        assertEquals(Duration.ofSeconds(60), m.effectiveTimeout());
        assertFalse(m.dynamic());
        m = (MiscCheck) Checkers.one("MISC_CHECK {\n misc_path \"/bin/check arg\"\n misc_timeout 5\n misc_dynamic\n"
                + " user nobody nogroup\n retry 2\n}");
        assertEquals(new ScriptCommand("/bin/check arg", Optional.of("nobody"), Optional.of("nogroup"),
                m.script().location()), m.script());
        assertEquals(Optional.of(Duration.ofSeconds(5)), m.timeout());
        assertTrue(m.dynamic());
        assertEquals(2, m.common().retry());
    }

    // keepalived: "No script path has been specified for MISC_CHECKER - skipping";
    // "Unknown keyword 'connect_port'" (MISC_CHECK has no connection options)
    @Test
    void miscDiagnostics() {
        Lvs l = Checkers.read("MISC_CHECK {\n misc_timeout 3\n}");
        l.only(Severity.ERROR, 6, "MISC_CHECK", "misc_path");
        assertEquals(List.of(), none(l));
        Checkers.read("MISC_CHECK {\n misc_path /bin/true\n connect_port 5\n}")
                .only(Severity.WARNING, 8, "connect_port", "unknown");
        Checkers.read("MISC_CHECK {\n misc_path /bin/true\n misc_timeout x\n}")
                .only(Severity.ERROR, 8, "misc_timeout", "x");
    }

    @Test
    void smtp() {
        SmtpCheck s = (SmtpCheck) Checkers.one("SMTP_CHECK {\n}");
        assertEquals("smtpchecker.keepalived.org", s.heloName());
        assertEquals(List.of(), s.hosts());
        s = (SmtpCheck) Checkers.one("SMTP_CHECK {\n helo_name mail.example\n connect_timeout 9\n"
                + " host {\n connect_ip 10.0.0.9\n connect_port 25\n retry 3\n }\n host {\n connect_ip 10.0.0.10\n }\n}");
        assertEquals("mail.example", s.heloName());
        assertEquals(2, s.hosts().size());
        CheckerCommon h = s.hosts().get(0);
        assertEquals(Optional.of(Lvs.addr("10.0.0.9")), h.connectIp());
        assertEquals(OptionalInt.of(25), h.connectPort());
        assertEquals(3, h.retry());
        assertEquals(Duration.ofSeconds(9), h.connectTimeout(), "from the checker");
        assertEquals(1, s.hosts().get(1).retry());
        Checkers.read("SMTP_CHECK {\n helo_name\n}").only(Severity.ERROR, 7, "helo_name", "missing");
    }

    @Test
    void dns() {
        DnsCheck d = (DnsCheck) Checkers.one("DNS_CHECK {\n}");
        assertEquals("SOA", d.type());
        assertEquals(".", d.name());
        d = (DnsCheck) Checkers.one("DNS_CHECK {\n type aaaa\n name example.com\n}");
        assertEquals("AAAA", d.type());
        assertEquals("example.com", d.name());
    }

    // keepalived: "Unknown DNS check type FOO - ignoring", "DNS_CHECK name 'foo..bar' has empty label - ignoring",
    // "DNS_CHECK name already specified - ignoring"
    @Test
    void dnsDiagnostics() {
        Checkers.read("DNS_CHECK {\n type FOO\n}").only(Severity.ERROR, 7, "type", "FOO");
        Checkers.read("DNS_CHECK {\n name foo..bar\n}").only(Severity.ERROR, 7, "name", "empty label");
        Lvs l = Checkers.read("DNS_CHECK {\n name a.example\n name b.example\n}");
        l.only(Severity.WARNING, 8, "name", "already");
        assertEquals("a.example", ((DnsCheck) none(l).get(0)).name());
    }

    @Test
    void udp() {
        UdpCheck u = (UdpCheck) Checkers.one("UDP_CHECK {\n}");
        assertEquals(Optional.empty(), u.payload());
        assertFalse(u.requireReply());
        assertEquals(0, u.minReplyLength());
        assertEquals(255, u.maxReplyLength());
        // The man page's example: "Ab12f 3 456 546443123" is AB 12 0F 03 45 06 54 64 43 12 03.
        u = (UdpCheck) Checkers.one("UDP_CHECK {\n payload Ab12f 3 456 546443123\n require_reply 0aXx\n"
                + " min_reply_length 2\n max_reply_length 300\n}");
        assertArrayEquals(new byte[] {(byte) 0xab, 0x12, 0x0f, 0x03, 0x45, 0x06, 0x54, 0x64, 0x43, 0x12, 0x03},
                u.payload().orElseThrow());
        assertTrue(u.requireReply());
        assertEquals(Optional.of("0AXX"), u.replyPattern());
        assertEquals(2, u.minReplyLength());
        assertEquals(300, u.maxReplyLength());
        assertTrue(((UdpCheck) Checkers.one("UDP_CHECK {\n require_reply\n}")).requireReply());
    }

    // keepalived: "Invalid hex string for UDP_CHECK payload",
    // "UDP_CHECK min_reply length 10 > max_reply_length 5 - will always fail"
    @Test
    void udpDiagnostics() {
        Checkers.read("UDP_CHECK {\n payload zz\n}").only(Severity.ERROR, 7, "payload", "hex");
        Checkers.read("UDP_CHECK {\n require_reply 0g\n}").only(Severity.ERROR, 7, "require_reply", "hex");
        Checkers.read("UDP_CHECK {\n min_reply_length 10\n max_reply_length 5\n}")
                .only(Severity.WARNING, 7, "min_reply_length", "always fail");
    }

    @Test
    void file() {
        FileCheck f = (FileCheck) Checkers.one("FILE_CHECK {\n track_file tf\n}");
        assertEquals("tf", f.trackFile());
        assertEquals(OptionalInt.empty(), f.weight());
        assertFalse(f.reverse());
        f = (FileCheck) Checkers.one("FILE_CHECK {\n track_file old\n weight -5 reverse\n}");
        assertEquals("old", f.trackFile());
        assertEquals(OptionalInt.of(-5), f.weight());
        assertTrue(f.reverse());
    }

    // keepalived: "track_file nofile not found", "FILE_CHECK has no track_file specified - ignoring",
    // "unknown track file weight option sideways - ignoring", "Unknown keyword 'dynamic'"
    @Test
    void fileDiagnostics() {
        Lvs l = Checkers.read("FILE_CHECK {\n track_file nofile\n}");
        l.only(Severity.ERROR, 7, "track_file", "nofile");
        assertEquals(List.of(), none(l));
        Checkers.read("FILE_CHECK {\n}").only(Severity.ERROR, 6, "FILE_CHECK", "no track_file");
        Checkers.read("FILE_CHECK {\n track_file tf\n weight 3 sideways\n}")
                .only(Severity.WARNING, 8, "weight", "sideways");
        Checkers.read("FILE_CHECK {\n track_file tf\n dynamic\n}").only(Severity.WARNING, 8, "dynamic", "unknown");
        Checkers.read("FILE_CHECK {\n track_file tf\n weight 2147483648\n}").only(Severity.ERROR, 8, "weight", "2147483648");
    }

    @Test
    void bfd() {
        assertEquals("b1", ((BfdCheck) Checkers.one("BFD_CHECK {\n name b1\n}")).name());
    }

    // keepalived: "BFD_CHECK - BFD b2 not configured", "No name has been specified for BFD_CHECKER - skipping"
    @Test
    void bfdDiagnostics() {
        Lvs l = Checkers.read("BFD_CHECK {\n name b2\n}");
        l.only(Severity.ERROR, 7, "name", "b2");
        assertEquals(List.of(), none(l));
        Checkers.read("BFD_CHECK {\n}").only(Severity.ERROR, 6, "BFD_CHECK", "no bfd_instance");
        Checkers.read("BFD_CHECK {\n name b1 b2\n}").only(Severity.ERROR, 7, "name", "exactly one");
    }

    @Test
    void severalCheckersKeepTheirOrder() {
        var checkers = Lvs.clean(Checkers.conf("", "", "TCP_CHECK {\n}\n PING_CHECK {\n}\n TCP_CHECK {\n}"))
                .virtualServers().get(0).realServers().get(0).checkers();
        assertEquals(List.of("TCP_CHECK", "PING_CHECK", "TCP_CHECK"), checkers.stream().map(Checker::kind).toList());
    }
}
