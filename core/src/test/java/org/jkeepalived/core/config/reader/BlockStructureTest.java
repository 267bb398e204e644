package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockStructureTest {
    @Test
    void braceOnSameLine() {
        var r = Trees.read("vrrp_instance VI_1 {\n  state MASTER\n  priority 100\n}\n");
        assertEquals("vrrp_instance VI_1 { state MASTER; priority 100 }", r.tree());
        assertEquals(List.of(), r.messages());
    }

    @Test
    void braceOnNextLine() {
        var r = Trees.read("vrrp_instance VI_1\n{\n  state MASTER\n}\n");
        assertEquals("t.conf:1|vrrp_instance VI_1 { t.conf:3|state MASTER }", r.tree(true));
        assertEquals(List.of(), r.messages());
    }

    @Test
    void braceOnNextLineAfterBlankAndCommentLines() {
        var r = Trees.read("global_defs\n\n# about to open\n{\n router_id a\n}\n");
        assertEquals("global_defs { router_id a }", r.tree());
    }

    @Test
    void oneLineBlock() {
        var r = Trees.read("virtual_ipaddress { 192.0.2.1 192.0.2.2 }\nnext 1\n");
        assertEquals("virtual_ipaddress { 192.0.2.1 192.0.2.2 }; next 1", r.tree());
    }

    @Test
    void nestedOneLiners() {
        var r = Trees.read("a { b { c 1 } d { e } }\n");
        assertEquals("a { b { c 1 }; d { e } }", r.tree());
    }

    @Test
    void emptyBlock() {
        var r = Trees.read("track_interface {\n}\nx {}\n");
        assertEquals("track_interface {}; x {}", r.tree());
        assertTrue(r.nodes().get(0).block());
    }

    @Test
    void closingBraceAfterWords() {
        var r = Trees.read("a {\n  b 1 }\nc\n");
        assertEquals("t.conf:1|a { t.conf:2|b 1 }; t.conf:3|c", r.tree(true));
    }

    @Test
    void wordsAfterClosingBraceStartANewStatementOutside() {
        var r = Trees.read("a { b } c d\n");
        assertEquals("a { b }; c d", r.tree());
    }

    @Test
    void bracesAgainstWordsAreSeparateTokens() {
        // keepalived 2.2.7 splits a{b into a, {, b
        var r = Trees.read("a{b}\nvirtual_ipaddress{192.0.2.1}\n");
        assertEquals("a { b }; virtual_ipaddress { 192.0.2.1 }", r.tree());
    }

    @Test
    void strayClosingBraceIsReportedWithItsLine() {
        var r = Trees.read("a {\n}\n}\nb\n");
        assertEquals("a {}; b", r.tree());
        assertEquals(List.of("t.conf:3: error: }: '}' without a matching '{'; ignored"), r.messages());
    }

    @Test
    void unclosedBlockIsReportedWhereItOpened() {
        var r = Trees.read("x 1\nvrrp_instance VI_1 {\n  a {\n    b\n");
        assertEquals("x 1; vrrp_instance VI_1 { a { b } }", r.tree());
        assertEquals(List.of(
                "t.conf:3: error: a: block opened here is never closed (missing '}')",
                "t.conf:2: error: vrrp_instance: block opened here is never closed (missing '}')"), r.messages());
    }

    @Test
    void openingBraceWithoutKeywordIsAnError() {
        var r = Trees.read("{ a }\nb\n");
        assertEquals("b", r.tree());
        assertEquals(List.of("t.conf:1: error: {: '{' without a keyword before it; the block's contents are ignored"),
                r.messages());
    }

    @Test
    void braceAfterABlockDoesNotReopenIt() {
        var r = Trees.read("a {\n}\n{\n b\n}\n");
        assertEquals("a {}", r.tree());
        assertEquals(1, r.diagnostics().errorCount());
    }

    @Test
    void keywordLocationIsItsOwnLine() {
        var r = Trees.read("\n\nglobal_defs {\n\n   router_id x\n}\n");
        assertEquals("t.conf:3|global_defs { t.conf:5|router_id x }", r.tree(true));
    }
}
