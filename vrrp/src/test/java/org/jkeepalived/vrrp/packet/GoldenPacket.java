package org.jkeepalived.vrrp.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** A packet captured from keepalived, loaded from {@code packet/NAME.hex}: IP header, optional AH, VRRP. */
record GoldenPacket(String name, byte[] ip, byte[] ah, byte[] vrrp) {

    static GoldenPacket load(String name) {
        String text;
        try (InputStream in = GoldenPacket.class.getResourceAsStream("/packet/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] ip = null;
        byte[] ah = new byte[0];
        byte[] vrrp = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+", 2);
            byte[] bytes = HexFormat.of().parseHex(parts[1].replace(" ", ""));
            switch (parts[0]) {
                case "ip" -> ip = bytes;
                case "ah" -> ah = bytes;
                case "vrrp" -> vrrp = bytes;
                default -> throw new IllegalArgumentException(name + ": unknown line " + parts[0]);
            }
        }
        return new GoldenPacket(name, ip, ah, vrrp);
    }

    boolean ipv6() {
        return (ip[0] & 0xf0) == 0x60;
    }

    InetAddress source() {
        return ipv6() ? VrrpCodec.address(Arrays.copyOfRange(ip, 8, 24))
                : VrrpCodec.address(Arrays.copyOfRange(ip, 12, 16));
    }

    InetAddress destination() {
        return ipv6() ? VrrpCodec.address(Arrays.copyOfRange(ip, 24, 40))
                : VrrpCodec.address(Arrays.copyOfRange(ip, 16, 20));
    }

    int ttl() {
        return ipv6() ? ip[7] & 0xff : ip[8] & 0xff;
    }

    Reception reception() {
        return new Reception(source(), destination(), ttl());
    }

    /** The whole IP datagram as a raw socket would return it. */
    ByteBuffer datagram() {
        ByteBuffer b = ByteBuffer.allocate(ip.length + ah.length + vrrp.length);
        b.put(ip).put(ah).put(vrrp).flip();
        return b;
    }
}
