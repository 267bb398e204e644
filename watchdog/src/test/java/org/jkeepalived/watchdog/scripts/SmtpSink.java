package org.jkeepalived.watchdog.scripts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A tiny SMTP sink the ITs run as its own process inside a network namespace: {@code SmtpSink ADDRESS PORT FILE}
 * accepts mail on ADDRESS:PORT and appends every line the client sends, prefixed {@code C: }, to FILE.
 */
public final class SmtpSink {
    private SmtpSink() {
    }

    public static void main(String[] args) throws IOException {
        Path log = Path.of(args[2]);
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[1]), 10, InetAddress.getByName(args[0]))) {
            System.out.println("listening");
            System.out.flush();
            while (true) {
                try (Socket s = server.accept();
                     PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardOpenOption.CREATE,
                             StandardOpenOption.APPEND), true)) {
                    serve(s, out);
                } catch (IOException e) {
                    // one bad client does not stop the sink
                }
            }
        }
    }

    private static void serve(Socket s, PrintWriter log) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 sink ESMTP");
        boolean data = false;
        String line;
        while ((line = in.readLine()) != null) {
            log.println("C: " + line);
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    reply(out, "250 queued");
                }
            } else if (line.startsWith("DATA")) {
                data = true;
                reply(out, "354 go ahead");
            } else if (line.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
