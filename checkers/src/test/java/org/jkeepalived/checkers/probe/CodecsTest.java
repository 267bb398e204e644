package org.jkeepalived.checkers.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The pure parts of the probes: DNS query bytes, HTTP response parsing, SMTP replies, UDP reply patterns. */
class CodecsTest {
    @Test
    void dnsQueryBytes() {
        assertArrayEquals(new byte[] {
            0x12, 0x34, // id
            0x01, 0x00, // flags: RD
            0, 1, 0, 0, 0, 0, 0, 0, // one question
            7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'o', 'r', 'g', 0, // example.org
            0, 1, // type A
            0, 1}, // class IN
                DnsQuery.encode(0x1234, "example.org", "A"));
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0, 1},
                DnsQuery.encode(1, ".", "SOA"), "the root name is one zero byte");
    }

    @Test
    void dnsVerdict() {
        byte[] ok = {0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 1, 0, 0, 0, 0, 0, 0};
        assertNull(DnsQuery.judge(0x1234, ByteBuffer.wrap(ok)));
        assertEquals("DNS response id 4660 (expected 1)", DnsQuery.judge(1, ByteBuffer.wrap(ok)));
        ok[3] = (byte) 0x82;
        assertEquals("DNS rcode 2", DnsQuery.judge(0x1234, ByteBuffer.wrap(ok)));
        assertEquals("DNS response too short (3 bytes)", DnsQuery.judge(1, ByteBuffer.wrap(new byte[3])));
    }

    @Test
    void httpResponseIsCompleteAtContentLengthOrClose() {
        ByteBuffer partial = ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc"
                .getBytes(StandardCharsets.US_ASCII));
        assertFalse(HttpResponse.complete(partial));
        ByteBuffer whole = ByteBuffer.wrap("HTTP/1.1 503 Busy\r\ncontent-length: 5\r\n\r\nabcde"
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(HttpResponse.complete(whole));
        HttpResponse r = HttpResponse.parse(whole);
        assertEquals(503, r.status());
        assertEquals("ab56b4d92b40713acc5af89985d4b786", r.digest()); // md5("abcde")
        assertEquals(-1, HttpResponse.parse(ByteBuffer.wrap("garbage".getBytes(StandardCharsets.US_ASCII))).status());
    }

    @Test
    void smtpReplyCodeWaitsForTheLastLine() {
        assertEquals(0, SmtpDialog.replyCode("220-first\r\n"));
        assertEquals(220, SmtpDialog.replyCode("220-first\r\n220 last\r\n"));
        assertEquals(0, SmtpDialog.replyCode("250 no newline yet"));
    }

    @Test
    void udpReplyPatternWithWildcardNibbles() {
        ByteBuffer reply = ByteBuffer.wrap(new byte[] {(byte) 0xab, 0x12, 0x34});
        assertTrue(UdpReply.judge(reply, Optional.of("AB1X"), 0, 255).success());
        assertTrue(UdpReply.judge(reply, Optional.of("XX12345678"), 0, 255).success(), "compared up to the reply");
        assertFalse(UdpReply.judge(reply, Optional.of("AC"), 0, 255).success());
        assertFalse(UdpReply.judge(reply, Optional.empty(), 4, 255).success());
    }
}
