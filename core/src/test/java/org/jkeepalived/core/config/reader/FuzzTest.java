package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing: 20,000 damaged variants of fixture texts must never make the reader throw,
 * must not trip its internal-error safety net, and every diagnostic must name a file and a line >= 0.
 */
class FuzzTest {
    private static final long SEED = 0x6b65_6570_616cL;
    private static final int VARIANTS = 20_000;
    /** Expansion budget per variant, so a mutation that builds a self-feeding definition stays cheap. */
    private static final long MAX_LINES = 20_000;

    private static final String[] FRAGMENTS = {
        "{", "}", "{ ", " }", "\"", "\\", "\\\n", "$", "${", "}", "$X=", "$X", "${X}", "$M= \\\n", "$M",
        "@main ", "@^main ", "@", "@^", "~SEQ(i,3) ", "~SEQ(i,1,-1,3) ", "~SEQx(h,0x9,0xb) ", "~SEQ(", "~SEQ(i,",
        "~LST(l,a,b) ", "~LST({a,b},{1,2}) ", "~LST(", "#", "!", "\\#", "include conf.d/*.conf\n",
        "include {x,y}.conf\n", "include keepalived.conf\n", "include\n", "\n", "\r\n", "\t", " ", "${_RANDOM 1 9}",
        "${_PWD}", "$_INSTANCE", "\u00e9", "\u0000",
    };

    private static final String SNIPPETS = """
            $NUM=1
            $INST= \\
            vrrp_instance VI_${NUM} { \\
                @main priority 1 \\
                virtual_ipaddress { 10.0.${NUM}.1 } \\
            }
            ~SEQ(NUM, 2, 4) $INST
            ~LST({A,B}, {1,2},{3,4}) k ${A}.${B}
            x { y { z "q { }" } } w
            """;

    @Test
    void mutatedConfigsNeverBreakTheReader() throws IOException {
        Path combined = FixtureTest.fixture("combined");
        Path errors = FixtureTest.fixture("errors");
        List<String> seeds = List.of(
                Files.readString(combined.resolve("keepalived.conf")),
                Files.readString(combined.resolve("conf.d/10-static.conf")),
                Files.readString(errors.resolve("keepalived.conf")),
                SNIPPETS,
                LargeConfig.instances(1));
        Random random = new Random(SEED);
        long statements = 0;
        for (int i = 0; i < VARIANTS; i++) {
            String text = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Diagnostics d = new Diagnostics();
            List<ConfigNode> nodes;
            try {
                // most variants use a missing directory: includes then cost no disk access
                Path base = i % 16 == 0 ? combined : combined.resolve("no-such-dir");
                nodes = ConfigReader.read(text, "fuzz.conf", base, Trees.MAIN, d, MAX_LINES);
            } catch (Throwable t) {
                fail("variant " + i + " threw " + t + " for:\n" + text, t);
                return;
            }
            assertNotNull(nodes);
            statements += nodes.size();
            int variant = i;
            for (Diagnostic diag : d.all()) {
                assertFalse(diag.location().file().isEmpty(), () -> "no file in " + diag);
                assertTrue(diag.location().line() >= 0, () -> "bad line in " + diag);
                assertFalse(diag.message().startsWith("internal error"), () -> "variant " + variant + ": " + diag + "\n" + text);
            }
        }
        assertTrue(statements > VARIANTS, "the variants should still hold statements");
    }

    @Test
    void sameSeedSameVariants() {
        assertEquals(mutate(SNIPPETS, new Random(1)), mutate(SNIPPETS, new Random(1)));
    }

    static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int li = random.nextInt(lines.size());
            String line = lines.get(li);
            switch (random.nextInt(5)) {
                case 0 -> { // flip one character
                    if (!line.isEmpty()) {
                        int c = random.nextInt(line.length());
                        char repl = (char) (random.nextBoolean() ? random.nextInt(128) : line.charAt(c) ^ (1 << random.nextInt(7)));
                        lines.set(li, line.substring(0, c) + repl + line.substring(c + 1));
                    }
                }
                case 1 -> lines.remove(li);
                case 2 -> lines.add(li, line);
                default -> {
                    int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    String frag = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
                    lines.set(li, line.substring(0, at) + frag + line.substring(at));
                }
            }
        }
        return String.join("\n", lines);
    }
}
