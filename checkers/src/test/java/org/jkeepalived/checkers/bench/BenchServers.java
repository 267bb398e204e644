package org.jkeepalived.checkers.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers of the checker benchmark, in their own JVM so the checker's CPU is measured alone: a TCP
 * acceptor on 0.0.0.0:TCP_PORT and an HTTP/1.0 responder on 0.0.0.0:HTTP_PORT, one selector thread, answer for every
 * loopback address (so
 * 10,000 real servers need one socket), plus VICTIMS listeners on 127.0.0.1:VICTIM_BASE+i that {@code stop} on
 * stdin closes, for the detection measurement.
 * Usage: BenchServers TCP_PORT HTTP_PORT VICTIM_BASE VICTIMS
 */
public final class BenchServers {
    private BenchServers() {
    }

    public static void main(String[] args) throws Exception {
        int tcpPort = Integer.parseInt(args[0]);
        int httpPort = Integer.parseInt(args[1]);
        int victimBase = Integer.parseInt(args[2]);
        int victims = Integer.parseInt(args[3]);
        Selector sel = Selector.open();
        List<ServerSocketChannel> victimChannels = new ArrayList<>();
        ServerSocketChannel all = ServerSocketChannel.open().bind(new InetSocketAddress(tcpPort), 4096);
        all.configureBlocking(false).register(sel, SelectionKey.OP_ACCEPT);
        for (int i = 0; i < victims; i++) {
            ServerSocketChannel v = ServerSocketChannel.open()
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), victimBase + i), 1024);
            v.configureBlocking(false).register(sel, SelectionKey.OP_ACCEPT);
            victimChannels.add(v);
        }
        // HTTP/1.0 answered from the same selector: read to the blank line, write one response, close.
        ServerSocketChannel http = ServerSocketChannel.open().bind(new InetSocketAddress(httpPort), 4096);
        http.configureBlocking(false).register(sel, SelectionKey.OP_ACCEPT, "http");
        byte[] page = ("HTTP/1.0 200 OK\r\nContent-Length: 15\r\n\r\nbenchmark page\n")
                .getBytes(StandardCharsets.US_ASCII);
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    sel.select();
                    for (SelectionKey k : sel.selectedKeys()) {
                        if (!k.isValid()) {
                            continue;
                        }
                        if (k.isAcceptable()) {
                            SocketChannel c;
                            while ((c = ((ServerSocketChannel) k.channel()).accept()) != null) {
                                if ("http".equals(k.attachment())) {
                                    c.configureBlocking(false).register(sel, SelectionKey.OP_READ,
                                            ByteBuffer.allocate(1024));
                                } else {
                                    c.close();
                                }
                            }
                        } else if (k.isReadable()) {
                            SocketChannel c = (SocketChannel) k.channel();
                            ByteBuffer b = (ByteBuffer) k.attachment();
                            int n;
                            try {
                                n = c.read(b);
                            } catch (IOException e) {
                                n = -1;
                            }
                            String got = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
                            if (got.contains("\r\n\r\n")) {
                                c.write(ByteBuffer.wrap(page));
                                c.close();
                            } else if (n < 0 || !b.hasRemaining()) {
                                c.close();
                            }
                        }
                    }
                    sel.selectedKeys().clear();
                }
            } catch (Exception e) {
                // exiting
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("stop")) {
                for (ServerSocketChannel v : victimChannels) {
                    v.keyFor(sel).cancel();
                    v.close();
                }
                sel.wakeup();
                System.out.println("STOPPED");
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
