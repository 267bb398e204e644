package org.jkeepalived.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads golden bytes: hex pairs separated by white space, lines starting with '#' are comments. */
public final class Hex {
    private Hex() {
    }

    public static byte[] parse(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                sb.append(line.replaceAll("\\s+", ""));
            }
        }
        return HexFormat.of().parseHex(sb);
    }

    /** A golden file next to {@code anchor}'s package in the test resources. */
    public static byte[] resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String format(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
