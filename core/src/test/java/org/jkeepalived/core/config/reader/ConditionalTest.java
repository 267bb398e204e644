package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @id} and {@code @^id} lines; expectations checked against keepalived 2.2.7 with and without -i. */
class ConditionalTest {
    private static final String TEXT = """
            @main B1 yes
            @backup B2 no
            @^backup B3 yes
            @^main B4 no
            @main   B6   yes
            @mainx B5 no
            """;

    @Test
    void matchingAndNegatedLines() {
        assertEquals("B1 yes; B3 yes; B6 yes", Trees.read(TEXT, new ReaderOptions("main", false)).tree());
    }

    @Test
    void otherConfigId() {
        assertEquals("B3 yes; B4 no", Trees.read(TEXT, new ReaderOptions("vm", false)).tree());
    }

    @Test
    void noConfigIdMatchesNoPositiveLine() {
        assertEquals("B3 yes; B4 no", Trees.read(TEXT, new ReaderOptions("", false)).tree());
        assertEquals("B3 yes; B4 no", Trees.read(TEXT, new ReaderOptions(null, false)).tree());
    }

    @Test
    void insideBlocks() {
        var r = Trees.read("""
                global_defs {
                    @main   router_id main_router
                    @backup router_id backup_router
                }
                vrrp_instance VRRP {
                    unicast_peer {
                        @^main    1.2.3.4
                        @^backup  1.2.3.5
                        @^backup2 1.2.3.6
                    }
                }
                """);
        assertEquals("global_defs { router_id main_router }; vrrp_instance VRRP { unicast_peer { 1.2.3.5; 1.2.3.6 } }",
                r.tree());
        assertEquals(List.of(), r.messages());
    }

    @Test
    void matchingBlockOpeningLine() {
        var r = Trees.read("@main vrrp_instance VI_9 {\n  interface eth0\n}\n");
        assertEquals("t.conf:1|vrrp_instance VI_9 { t.conf:2|interface eth0 }", r.tree(true));
    }

    @Test
    void skippedBlockOpeningLineSpillsItsContentsAsKeepalivedDoes() {
        // keepalived 2.2.7 -i main: "Unknown keyword 'interface'" then "Extra '}' found" on line 3
        var r = Trees.read("@backup vrrp_instance VI_9 {\n  interface eth0\n}\n");
        assertEquals("interface eth0", r.tree());
        assertEquals(List.of(
                "t.conf:1: warning: line skipped by '@backup' holds a brace that is skipped too, so the lines after "
                        + "it are read outside that block (as keepalived 2.2.7 does)",
                "t.conf:3: error: }: '}' without a matching '{'; ignored"), r.messages());
    }

    @Test
    void conditionalAfterABraceAppliesToTheRestOfTheLine() {
        // keepalived 2.2.7: "x { @backup B7 }" drops "B7 }" too, so x's block stays open
        var r = Trees.read("x { @backup B7 }\ny\n}\n");
        assertEquals("x { y }", r.tree());
        var matched = Trees.read("x { @main B7 }\ny\n");
        assertEquals("x { B7 }; y", matched.tree());
    }

    @Test
    void idAloneOnALineIsIgnoredWithAWarning() {
        var r = Trees.read("@main\nb\n");
        assertEquals("b", r.tree());
        assertEquals(List.of("t.conf:1: warning: conditional '@main' has nothing after the config id; ignored"),
                r.messages());
    }

    @Test
    void conditionalDefinitions() {
        String text = "@main $PRIORITY=240\n@backup $PRIORITY=200\nvrrp_instance VI_0 {\n priority $PRIORITY\n}\n";
        assertEquals("vrrp_instance VI_0 { priority 240 }", Trees.read(text, new ReaderOptions("main", false)).tree());
        assertEquals("vrrp_instance VI_0 { priority 200 }", Trees.read(text, new ReaderOptions("backup", false)).tree());
    }

    @Test
    void conditionalProducedBySubstitution() {
        String text = "$IF_MAIN=@main\n$IF_MAIN priority 240\n";
        assertEquals("priority 240", Trees.read(text, new ReaderOptions("main", false)).tree());
        assertEquals("", Trees.read(text, new ReaderOptions("backup", false)).tree());
    }
}
