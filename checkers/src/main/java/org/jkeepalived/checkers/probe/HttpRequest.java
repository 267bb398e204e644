package org.jkeepalived.checkers.probe;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jkeepalived.checkers.policy.LvsNames;
import org.jkeepalived.core.config.lvs.check.HttpGetCheck.HttpProtocol;

/**
 * The GET request keepalived's HTTP checker and genhash send, byte for byte (captured from keepalived 2.2.7's
 * genhash): {@code GET PATH HTTP/1.x}, {@code User-Agent: KeepAliveClient}, {@code Connection: close} for 1.0C
 * and 1.1, and {@code Host:} the virtualhost, else the address and port.
 */
public final class HttpRequest {
    private HttpRequest() {
    }

    public static byte[] get(String path, HttpProtocol protocol, Optional<String> virtualhost,
                             InetSocketAddress server) {
        StringBuilder b = new StringBuilder();
        b.append("GET ").append(path).append(protocol == HttpProtocol.HTTP_1_1 ? " HTTP/1.1" : " HTTP/1.0")
                .append("\r\nUser-Agent: KeepAliveClient\r\n");
        if (protocol != HttpProtocol.HTTP_1_0) {
            b.append("Connection: close\r\n");
        }
        String host = virtualhost.orElseGet(() -> {
            String a = LvsNames.text(server.getAddress());
            return (server.getAddress() instanceof Inet6Address ? "[" + a + "]" : a) + ":" + server.getPort();
        });
        b.append("Host: ").append(host).append("\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
