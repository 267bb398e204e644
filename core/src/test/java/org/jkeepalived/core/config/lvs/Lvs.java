package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;

/** Test helper: reads keepalived.conf text through the language layer and the LVS reader. */
public final class Lvs {
    public static final HostInterfaces HOST = Set.of("lo", "eth0", "eth1")::contains;

    public final LvsConfig config;
    public final Diagnostics diagnostics;

    private Lvs(LvsConfig config, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
    }

    /** An address literal. */
    public static java.net.InetAddress addr(String s) {
        return org.jkeepalived.core.config.Arguments.parseAddress(s).orElseThrow();
    }

    /** Reads {@code text} as the file {@code t.conf}. */
    public static Lvs read(String text) {
        Diagnostics lang = new Diagnostics();
        List<ConfigNode> top = ConfigReader.read(text, "t.conf", Path.of("."), new ReaderOptions("host", false), lang);
        assertTrue(lang.all().isEmpty(), () -> "language layer complained: " + lang.all());
        Diagnostics d = new Diagnostics();
        return new Lvs(LvsConfigReader.read(top, HOST, d), d);
    }

    /** Reads and asserts no diagnostics at all. */
    public static LvsConfig clean(String text) {
        Lvs l = read(text);
        assertEquals(List.of(), l.diagnostics.all(), "diagnostics");
        return l.config;
    }

    /** The one virtual server of a clean config, wrapped in a full valid virtual server header. */
    public static VirtualServer vs(String body) {
        LvsConfig c = clean("virtual_server 192.0.2.1 80 {\n" + body + "\n}\n");
        assertEquals(1, c.virtualServers().size());
        return c.virtualServers().get(0);
    }

    /** A complete valid virtual server with the given body lines after the standard header lines. */
    public static String wrap(String body) {
        return "virtual_server 192.0.2.1 80 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n" + body + "\n}\n";
    }

    /** Asserts exactly one diagnostic, with this severity, line, keyword and a message containing {@code text}. */
    public Diagnostic only(Severity s, int line, String keyword, String text) {
        assertEquals(1, diagnostics.all().size(), () -> "diagnostics: " + diagnostics.all());
        Diagnostic x = diagnostics.all().get(0);
        assertEquals(s, x.severity(), x::toString);
        assertEquals("t.conf", x.location().file());
        assertEquals(line, x.location().line(), x::toString);
        assertEquals(keyword, x.keyword(), x::toString);
        assertTrue(x.message().contains(text), () -> x + " does not contain " + text);
        return x;
    }

    /** Asserts some diagnostic with this severity, line and keyword exists. */
    public Diagnostic has(Severity s, int line, String keyword) {
        return diagnostics.all().stream()
                .filter(x -> x.severity() == s && x.location().line() == line && keyword.equals(x.keyword()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + s + " at line " + line + " for " + keyword + " in "
                        + diagnostics.all().stream().map(Object::toString).collect(Collectors.joining("\n"))));
    }
}
