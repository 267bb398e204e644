package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Word splitting, quotes and comments; each expectation was checked against keepalived 2.2.7. */
class LexerTest {
    @Test
    void hashAndBangStartComments() {
        var r = Trees.read("# whole line\n! also\na b # tail\nc d ! tail\n");
        assertEquals("a b; c d", r.tree());
    }

    @Test
    void commentMarkInsideAWordStillStartsAComment() {
        assertEquals("t4 a; t5 e", Trees.read("t4 a#b c\nt5 e!f\n").tree());
    }

    @Test
    void commentMarksInsideQuotesAreText() {
        assertEquals("t5 c#d [x ! y]", Trees.read("t5 \"c#d\" \"x ! y\" # real comment\n").tree());
    }

    @Test
    void quotedWordKeepsSpacesAndLosesQuotes() {
        var r = Trees.read("notify \"/usr/bin/notify arg 1\" x\n");
        assertEquals(List.of("/usr/bin/notify arg 1", "x"), r.nodes().get(0).args());
    }

    @Test
    void quoteSplitsTheWordItTouches() {
        // keepalived 2.2.7: foo"kw2 x"bar is three words
        var r = Trees.read("t1 foo\"kw2 x\"bar\nt2 \"a b\"c d\n");
        assertEquals("t1 foo [kw2 x] bar; t2 [a b] c d", r.tree());
    }

    @Test
    void singleQuotesAreOrdinaryCharacters() {
        assertEquals("t3 'x y' z", Trees.read("t3 'x y' z\n").tree());
    }

    @Test
    void backslashesInQuotesAreNotEscapes() {
        // keepalived 2.2.7: "x\ty\"z" \"q  gives  x\ty\ , z , " \" , q  with the middle one quoted
        var r = Trees.read("t6 \"x\\ty\\\"z\" \\\"q\n");
        assertEquals(List.of("x\\ty\\", "z", " \\", "q"), r.nodes().get(0).args());
    }

    @Test
    void emptyQuotedWordIsAnEmptyArgument() {
        // keepalived 2.2.7: E1 "" x -> '', x;  E2 a"" b -> a, '', b;  E3 "a"b"c" -> a, b, c
        assertEquals(List.of("a", "", "b"), Trees.read("k a \"\" b\n").nodes().get(0).args());
        assertEquals(List.of("a", "", "b"), Trees.read("E2 a\"\" b\n").nodes().get(0).args());
        assertEquals(List.of("a", "b", "c"), Trees.read("E3 \"a\"b\"c\"\n").nodes().get(0).args());
    }

    @Test
    void quotedBracesAreWords() {
        assertEquals("k { } {}", Trees.read("k \"{\" \"}\" {\n}\n").tree().replace("[", "").replace("]", ""));
        assertEquals(List.of("{", "}"), Trees.read("k \"{\" \"}\"\n").nodes().get(0).args());
    }

    @Test
    void unterminatedQuoteIsAnError() {
        var r = Trees.read("a\nt12 \"q r\nb\n");
        assertEquals("a; t12; b", r.tree());
        assertEquals(List.of("t.conf:2: error: t12: unterminated quote: '\"q r' is ignored"), r.messages());
    }

    @Test
    void crlfLineEndsAndTabs() {
        assertEquals("a { b\tc }".replace("\t", " "), Trees.read("a {\r\n\tb\tc\r\n}\r\n").tree());
    }

    @Test
    void escapedCommentMarksOutsideQuotesAreLiteral() {
        // keepalived 2.2.7: A5 \#h \!b a\#x "q\#"  gives  #h, !b, a#x, q\#
        var r = Trees.read("A5 \\#h \\!b a\\#x \"q\\#\"\n");
        assertEquals(List.of("#h", "!b", "a#x", "q\\#"), r.nodes().get(0).args());
    }

    @Test
    void trailingBackslashDoesNotContinueAnOrdinaryLine() {
        // keepalived 2.2.7: "router_id rr \" then "ss" gives the words rr\ and a statement ss
        var r = Trees.read("router_id rr \\\n  ss\n");
        assertEquals("router_id rr\\; ss", r.tree());
        assertEquals(List.of("t.conf:1: warning: line ends with '\\', which continues only a multi-line $NAME= "
                + "definition; the backslash is kept as text (as keepalived 2.2.7 does)"), r.messages());
    }

    @Test
    void backslashFollowedByBlanksIsAWord() {
        assertEquals(List.of("a", "\\"), Trees.read("t1 a \\   \n").nodes().get(0).args());
        assertEquals(List.of(), Trees.read("t1 a \\   \n").messages());
    }

    @Test
    void textAfterABraceIsReadAsItsOwnLine() {
        var r = Trees.read("a { b c } d\n");
        assertEquals("t.conf:1|a { t.conf:1|b c }; t.conf:1|d", r.tree(true));
    }

    @Test
    void quotedBraceDoesNotSplit() {
        assertEquals(List.of("a{b", "c"), Trees.read("t8 \"a{b\" c\n").nodes().get(0).args());
    }
}
