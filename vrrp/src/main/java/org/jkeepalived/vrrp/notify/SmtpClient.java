package org.jkeepalived.vrrp.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal SMTP client for keepalived's alerts: plain TCP, {@code HELO}, {@code MAIL FROM}, one
 * {@code RCPT TO} per recipient, {@code DATA} with dot-stuffing, {@code QUIT}, each reply checked for its
 * expected code (multi-line replies read to their last line). Blocking: run it off the scheduler thread.
 */
public final class SmtpClient {
    private final InetSocketAddress server;
    private final String heloName;
    private final Duration timeout;

    public SmtpClient(InetSocketAddress server, String heloName, Duration timeout) {
        this.server = server;
        this.heloName = heloName;
        this.timeout = timeout;
    }

    /** Sends {@code data} (headers and body, CRLF lines) from {@code alert.from()} to its recipients. */
    public void send(SmtpAlert alert, String data) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket s = new Socket()) {
            s.connect(server, millis);
            s.setSoTimeout(millis);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            expect(in, 220, "greeting");
            command(out, in, "HELO " + heloName, 250);
            command(out, in, "MAIL FROM:<" + alert.from() + ">", 250);
            for (String to : alert.to()) {
                command(out, in, "RCPT TO:<" + to + ">", 250, 251);
            }
            command(out, in, "DATA", 354);
            write(out, dotStuff(data) + ".\r\n");
            expect(in, 250, "end of data");
            command(out, in, "QUIT", 221);
        }
    }

    /** Doubles a leading dot on every line (RFC 5321 §4.5.2). */
    static String dotStuff(String data) {
        String s = data.startsWith(".") ? "." + data : data;
        return s.replace("\r\n.", "\r\n..");
    }

    private static void command(OutputStream out, BufferedReader in, String line, int... codes) throws IOException {
        write(out, line + "\r\n");
        expect(in, line.split(" ")[0].split(":")[0], codes);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void expect(BufferedReader in, int code, String what) throws IOException {
        expect(in, what, code);
    }

    private static void expect(BufferedReader in, String what, int... codes) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed by the server after " + what);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        int got;
        try {
            got = Integer.parseInt(line.substring(0, Math.min(3, line.length())));
        } catch (NumberFormatException e) {
            throw new IOException("bad reply to " + what + ": " + line);
        }
        for (int c : codes) {
            if (c == got) {
                return;
            }
        }
        throw new IOException("Error processing " + what + ": " + line);
    }
}
