package org.jkeepalived.checkers.probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A parsed HTTP response as the HTTP_GET checker sees it: status code, headers and the body after the blank line
 * (not de-chunked, as keepalived hashes what arrives). Pure.
 */
public record HttpResponse(int status, String headers, byte[] body) {
    /** Parses {@code bytes}; empty status when the status line or header end is missing. */
    public static HttpResponse parse(ByteBuffer bytes) {
        byte[] all = new byte[bytes.remaining()];
        bytes.duplicate().get(all);
        int end = headerEnd(all);
        if (end < 0) {
            return new HttpResponse(-1, new String(all, StandardCharsets.ISO_8859_1), new byte[0]);
        }
        String head = new String(all, 0, end, StandardCharsets.ISO_8859_1);
        int bodyStart = end + (all[end] == '\r' ? 4 : 2);
        byte[] body = java.util.Arrays.copyOfRange(all, Math.min(bodyStart, all.length), all.length);
        return new HttpResponse(statusOf(head), head, body);
    }

    /** Whether {@code bytes} hold a whole response: headers plus Content-Length bytes of body when given. */
    static boolean complete(ByteBuffer bytes) {
        byte[] all = new byte[bytes.remaining()];
        bytes.duplicate().get(all);
        int end = headerEnd(all);
        if (end < 0) {
            return false;
        }
        String head = new String(all, 0, end, StandardCharsets.ISO_8859_1);
        OptionalInt length = contentLength(head);
        int bodyStart = end + (all[end] == '\r' ? 4 : 2);
        return length.isPresent() && all.length - bodyStart >= length.getAsInt();
    }

    private static int headerEnd(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < b.length && b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int statusOf(String head) {
        // "HTTP/1.1 200 OK"
        String[] w = head.split("\r?\n", 2)[0].split(" ");
        if (w.length < 2 || !w[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(w[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OptionalInt contentLength(String head) {
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return OptionalInt.of(Integer.parseInt(line.substring(colon + 1).trim()));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The MD5 digest of the body in lower-case hex, as genhash prints it. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
