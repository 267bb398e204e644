package org.jkeepalived.core.config.lvs.check;

import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.lvs.LvsArguments;
import org.jkeepalived.core.config.lvs.check.CommonBuilder.KindDefaults;

/** Reads a {@code UDP_CHECK} block, including keepalived's free-form hex strings. */
final class UdpCheckReader {
    static final class Udp implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();
        Optional<byte[]> payload = Optional.empty();
        boolean requireReply;
        Optional<String> replyPattern = Optional.empty();
        int min;
        int max = UdpCheck.DEFAULT_MAX_REPLY_LENGTH;
        ConfigNode minNode;

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    private static final KeywordTable<Udp> TABLE = CommonKeywords.install(new KeywordTable<Udp>("UDP_CHECK"), true)
            .on("payload", (b, n, d) -> {
                if (n.args().isEmpty()) {
                    d.error(n, "UDP_CHECK payload requires a hex string");
                    return;
                }
                hex(n, false).ifPresentOrElse(h -> b.payload = Optional.of(toBytes(h)),
                        () -> d.error(n, "invalid hex string for UDP_CHECK payload: " + n.joinedArgs()));
            })
            .on("require_reply", (b, n, d) -> {
                if (n.args().isEmpty()) {
                    b.requireReply = true;
                    return;
                }
                hex(n, true).ifPresentOrElse(h -> {
                    b.requireReply = true;
                    b.replyPattern = Optional.of(h);
                }, () -> d.error(n, "invalid hex string for UDP_CHECK reply: " + n.joinedArgs()));
            })
            .on("min_reply_length", (b, n, d) -> LvsArguments.number(n, 0, 0, 65535, d).ifPresent(v -> {
                b.min = (int) v;
                b.minNode = n;
            }))
            .on("max_reply_length", (b, n, d) -> LvsArguments.number(n, 0, 0, 65535, d)
                    .ifPresent(v -> b.max = (int) v));

    private UdpCheckReader() {
    }

    static Optional<CheckerDraft> read(ConfigNode block, CheckerContext ctx, Diagnostics d) {
        Udp b = new Udp();
        TABLE.apply(b, block.children(), d);
        if (b.min > b.max) {
            d.warning(b.minNode, "UDP_CHECK min_reply_length " + b.min + " > max_reply_length " + b.max
                    + "; the check will always fail");
        }
        if (!CheckerReader.connection(block, b.common, ctx, d)) {
            return Optional.empty();
        }
        return Optional.of((inh, vh) -> new UdpCheck(b.common.resolve(inh, KindDefaults.STANDARD), b.payload,
                b.requireReply, b.replyPattern, b.min, b.max, block.location()));
    }

    /**
     * Normalises keepalived's free-form hex: each word is read two digits at a time, an odd last digit standing
     * alone ({@code 3} is {@code 03}); with {@code wildcards}, {@code x} stands for any nibble.
     */
    static Optional<String> hex(ConfigNode n, boolean wildcards) {
        StringBuilder out = new StringBuilder();
        for (String word : n.args()) {
            for (String part : word.trim().split("\\s+")) {
                String u = part.toUpperCase(java.util.Locale.ROOT);
                for (int i = 0; i < u.length(); i++) {
                    char c = u.charAt(i);
                    boolean ok = Character.digit(c, 16) >= 0 || (wildcards && c == 'X');
                    if (!ok) {
                        return Optional.empty();
                    }
                }
                if (u.length() % 2 == 1) {
                    u = u.substring(0, u.length() - 1) + "0" + u.charAt(u.length() - 1);
                }
                out.append(u);
            }
        }
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    private static byte[] toBytes(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
