package org.jkeepalived.vrrp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The alert's text as keepalived 2.2.7 sent it to an SMTP sink, and the dialogue against an in-test server. */
class SmtpClientTest {
    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 11, 21, 10, 40, 42, 0, ZoneOffset.UTC);

    @Test
    void alertTextIsKeepalived() {
        SmtpAlert a = SmtpAlert.of(new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_2", "BACKUP", 50), "R1",
                "kad@example.com", List.of("admin@example.com", "ops@example.com")).orElseThrow();
        assertEquals("Date: Sat, 21 Nov 2026 10:40:42 +0000\r\n"
                + "From: kad@example.com\r\n"
                + "Subject: [R1] VRRP Instance VI_2 - Entering BACKUP state\r\n"
                + "X-Mailer: Keepalived\r\n"
                + "To: admin@example.com, ops@example.com\r\n"
                + "\r\n"
                + "=> VRRP Instance is no longer owning VRRP VIPs <=\r\n"
                + "\r\n", a.data(DATE));
        assertEquals("=> VRRP Instance is now owning VRRP VIPs <=", SmtpAlert.of(
                new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", "MASTER", 100), "R1", "f", List.of("t"))
                .orElseThrow().body());
        SmtpAlert g = SmtpAlert.of(new NotifyEvent(NotifyEvent.Kind.GROUP, "G1", "FAULT", 0), "R1", "f",
                List.of("t")).orElseThrow();
        assertEquals("[R1] VRRP Group G1 - Entering FAULT state", g.subject());
        assertEquals("=> All VRRP group instances are now in FAULT state <=", g.body());
        assertEquals("[R1] VRRP Instance VI_1 - Stopping", SmtpAlert.of(
                new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", "STOP", 100), "R1", "f", List.of("t"))
                .orElseThrow().subject());
        assertEquals(Optional.empty(), SmtpAlert.of(new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1",
                NotifyEvent.MASTER_RX_LOWER_PRI, 100), "R1", "f", List.of("t")));
    }

    @Test
    void dotStuffing() {
        assertEquals("..a\r\nb\r\n..c\r\n", SmtpClient.dotStuff(".a\r\nb\r\n.c\r\n"));
    }

    @Test
    void dialogueAgainstAFakeServer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> serve(server, false));
            SmtpAlert a = SmtpAlert.of(new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", "MASTER", 100), "R1",
                    "kad@example.com", List.of("a@example.com", "b@example.com")).orElseThrow();
            new SmtpClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), "vm",
                    Duration.ofSeconds(5)).send(a, a.data(DATE));
            List<String> lines = seen.get(5, TimeUnit.SECONDS);
            assertEquals(List.of("HELO vm", "MAIL FROM:<kad@example.com>", "RCPT TO:<a@example.com>",
                    "RCPT TO:<b@example.com>", "DATA"), lines.subList(0, 5));
            assertTrue(lines.contains("Subject: [R1] VRRP Instance VI_1 - Entering MASTER state"), lines.toString());
            assertEquals(List.of(".", "QUIT"), lines.subList(lines.size() - 2, lines.size()));
        }
    }

    @Test
    void aRefusedRecipientIsAnError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> serve(server, true));
            SmtpAlert a = SmtpAlert.of(new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", "MASTER", 100), "R1",
                    "f@example.com", List.of("nobody@example.com")).orElseThrow();
            IOException e = assertThrows(IOException.class, () -> new SmtpClient(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), server.getLocalPort()), "vm", Duration.ofSeconds(5))
                    .send(a, a.data(DATE)));
            assertTrue(e.getMessage().contains("550"), e.getMessage());
        }
    }

    /** A tiny SMTP server: multi-line greeting and EHLO-style replies, records the client's lines. */
    private static List<String> serve(ServerSocket server, boolean refuseRcpt) {
        List<String> lines = new ArrayList<>();
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            out.write("220-sink\r\n220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                String reply;
                if (data) {
                    if (!line.equals(".")) {
                        continue;
                    }
                    data = false;
                    reply = "250 queued";
                } else if (line.startsWith("DATA")) {
                    data = true;
                    reply = "354 go";
                } else if (line.startsWith("QUIT")) {
                    out.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    break;
                } else if (line.startsWith("RCPT") && refuseRcpt) {
                    reply = "550 no such user";
                } else {
                    reply = "250-ok\r\n250 ok";
                }
                out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            lines.add("error " + e.getMessage());
        }
        return lines;
    }
}
