package org.jkeepalived.checkers.genhash;

import java.io.PrintStream;

/**
 * genhash's hex dump: 16 bytes a row, a decimal offset, two groups of eight split by {@code -}, then the
 * printable characters with dots for the rest.
 */
final class HexDump {
    private HexDump() {
    }

    static void print(byte[] b, PrintStream out) {
        for (int row = 0; row < b.length; row += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i == 8) {
                    hex.append("- ");
                }
                if (row + i < b.length) {
                    int v = b[row + i] & 0xff;
                    hex.append(String.format("%02x ", v));
                    ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    hex.append("   ");
                    ascii.append(' ');
                }
            }
            out.printf("%04d  %s  %s%n", row, hex, ascii);
        }
    }
}
