package org.jkeepalived.core.config.vrrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/**
 * The lines of a route or rule block read as {@code ip route}/{@code ip rule} command words: what
 * {@link RouteParser} and {@link RuleParser} share (the block loop, the word list, numbers and prefixes).
 */
final class IpCommandWords {
    private IpCommandWords() {
    }

    /** Parses each line of {@code block}, keeping the lines {@code parseLine} accepts, in order. */
    static <T> List<T> parseBlock(ConfigNode block, Function<ConfigNode, Optional<T>> parseLine) {
        List<T> out = new ArrayList<>();
        for (ConfigNode line : block.children()) {
            parseLine.apply(line).ifPresent(out::add);
        }
        return out;
    }

    /** The line's words: the lexer's keyword is just the first word of the command. */
    static List<String> of(ConfigNode line) {
        List<String> w = new ArrayList<>();
        w.add(line.keyword());
        w.addAll(line.args());
        return w;
    }

    /** Whether {@code s} is {@code default} or an address with an optional prefix length. */
    static boolean looksLikePrefix(String s) {
        if (s.equals("default")) {
            return true;
        }
        int slash = s.indexOf('/');
        String a = slash < 0 ? s : s.substring(0, slash);
        return Arguments.parseAddress(a).isPresent() && (slash < 0 || s.substring(slash + 1).matches("\\d{1,3}"));
    }

    /** A u32 value ({@code metric}, {@code preference}), or empty with a warning. */
    static OptionalLong number(ConfigNode line, String k, String v, Diagnostics d) {
        try {
            long n = Long.parseLong(v);
            if (n >= 0 && n <= 0xffffffffL) {
                return OptionalLong.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        d.warning(line, "invalid " + k + " '" + v + "' - ignoring");
        return OptionalLong.empty();
    }
}
