package org.jkeepalived.checkers.it;

import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Real servers for the checker ITs, run in their own network namespace as a separate JVM: each {@code NAME=KIND@ADDRESS:PORT}
 * argument is a server (KIND http, tcp, smtp, dns); {@code stop NAME} and {@code start NAME} on stdin switch one
 * off and on; every command is acknowledged with {@code OK} on stdout.
 */
public final class TestServers {
    private final Map<String, String> specs = new HashMap<>();
    private final Map<String, AutoCloseable> running = new HashMap<>();

    public static void main(String[] args) throws Exception {
        TestServers s = new TestServers();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            s.specs.put(kv[0], kv[1]);
            s.start(kv[0]);
        }
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            if (w[0].equals("stop")) {
                s.running.remove(w[1]).close();
            } else if (w[0].equals("start")) {
                s.start(w[1]);
            }
            System.out.println("OK " + line);
            System.out.flush();
        }
        System.exit(0);
    }

    private void start(String name) throws IOException {
        String spec = specs.get(name);
        String kind = spec.substring(0, spec.indexOf('@'));
        String hostPort = spec.substring(spec.indexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        InetSocketAddress at = new InetSocketAddress(InetAddress.getByAddress(literal(hostPort.substring(0, colon))),
                Integer.parseInt(hostPort.substring(colon + 1)));
        running.put(name, switch (kind) {
            case "http" -> http(at, name);
            case "tcp" -> acceptor(at, null);
            case "smtp" -> acceptor(at, this::smtp);
            case "dns" -> dns(at);
            default -> throw new IllegalArgumentException(kind);
        });
    }

    private static byte[] literal(String dotted) {
        String[] p = dotted.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(p[i]);
        }
        return b;
    }

    private static AutoCloseable http(InetSocketAddress at, String name) throws IOException {
        HttpServer h = HttpServer.create(at, 100);
        h.createContext("/", x -> {
            byte[] body = ("server " + name + "\n").getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        h.start();
        return () -> h.stop(0);
    }

    interface Conversation {
        void talk(Socket s) throws IOException;
    }

    private static AutoCloseable acceptor(InetSocketAddress at, Conversation c) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(at, 100);
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    if (c != null) {
                        s.setSoTimeout(2000);
                        c.talk(s);
                    }
                } catch (IOException e) {
                    // closed, or a client went away
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    private void smtp(Socket s) throws IOException {
        OutputStream o = s.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        o.write("220 sink.example.org ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("QUIT")) {
                o.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            o.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static AutoCloseable dns(InetSocketAddress at) throws IOException {
        DatagramSocket d = new DatagramSocket(at);
        Thread t = new Thread(() -> {
            while (!d.isClosed()) {
                try {
                    DatagramPacket q = new DatagramPacket(new byte[512], 512);
                    d.receive(q);
                    byte[] r = Arrays.copyOf(q.getData(), q.getLength());
                    r[2] = (byte) (0x80 | (r[2] & 0x01)); // QR, RD copied
                    r[3] = (byte) 0x80; // RA, NOERROR
                    d.send(new DatagramPacket(r, r.length, q.getSocketAddress()));
                } catch (IOException e) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return d;
    }
}
