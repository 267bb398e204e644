package org.jkeepalived.vrrp.packet;

/** Parses address literals for tests without InetAddress.getByName (no lookups, even by accident). */
final class Addresses {
    private Addresses() {
    }

    static byte[] parse(String s) {
        if (!s.contains(":")) {
            String[] p = s.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(p[i]);
            }
            return b;
        }
        String[] halves = s.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length < 2 || halves[1].isEmpty() ? new String[0] : halves[1].split(":");
        byte[] b = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(b, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(b, 8 - tail.length + i, tail[i]);
        }
        return b;
    }

    private static void put(byte[] b, int word, String hex) {
        int v = Integer.parseInt(hex, 16);
        b[2 * word] = (byte) (v >>> 8);
        b[2 * word + 1] = (byte) v;
    }
}
