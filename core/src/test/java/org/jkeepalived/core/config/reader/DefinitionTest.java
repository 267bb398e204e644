package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code $NAME=value} parameters, single- and multi-line. */
class DefinitionTest {
    @Test
    void simpleUseWithAndWithoutBraces() {
        var r = Trees.read("$IF=eth0\ninterface $IF\nvirtual_ipaddress {\n 10.0.0.1/24 dev ${IF}\n}\nx ${IF}.100\n");
        assertEquals("interface eth0; virtual_ipaddress { 10.0.0.1/24 dev eth0 }; x eth0.100", r.tree());
        assertEquals(List.of(), r.messages());
    }

    @Test
    void bareReferenceNeedsASeparatorAfterIt() {
        // keepalived replaces $NAME only before blank, ',', ')' or end of line
        var r = Trees.read("$Y=1\nk a$Y.b c$Y,d ($Y) $Yz\n");
        assertEquals(List.of("a$Y.b", "c1,d", "(1)", "$Yz"), r.nodes().get(0).args());
    }

    @Test
    void manPageRecursiveExample() {
        var r = Trees.read("""
                $ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}
                $ADDRESS_BASE_SUB=0
                ${ADDRESS_BASE}.100/32
                $ADDRESS_BASE_SUB=10
                ${ADDRESS_BASE}.100/32
                """);
        assertEquals("10.2.0.100/32; 10.2.10.100/32", r.tree());
    }

    @Test
    void redefinitionTakesEffectFromItsLine() {
        assertEquals("a 1; a 2", Trees.read("$V=1\na $V\n$V=2\na $V\n").tree());
    }

    @Test
    void emptyValueAndLeadingBlanksOfValue() {
        var r = Trees.read("$E=\n$F=   x y\nk ${E}a $F\n");
        assertEquals(List.of("a", "x", "y"), r.nodes().get(0).args());
    }

    @Test
    void notADefinitionWhenBlankBeforeEqualsOrNameStartsWithDigit() {
        // keepalived 2.2.7: Unknown keyword '$X' and '$1X=2'
        var r = Trees.read("$X =1\n$1X=2\n");
        assertEquals("$X =1; $1X=2", r.tree());
    }

    @Test
    void undefinedNameIsLeftAsItIsWithAWarning() {
        var r = Trees.read("$A=1\nk $UNDEF $A ${ALSO}\n");
        assertEquals("k $UNDEF 1 $ { ALSO }", r.tree());
        assertEquals(List.of("t.conf:2: warning: $UNDEF is not defined; left as it is (as keepalived does)",
                "t.conf:2: warning: $ALSO is not defined; left as it is (as keepalived does)"), r.messages());
    }

    @Test
    void bracesOfAnUndefinedReferenceSplitTheLineAsInKeepalived() {
        // keepalived 2.2.7: "U1 $UNDEF ${ALSO} $A" gives the words U1 $UNDEF $ { ALSO, then '}' and 1 as
        // lines of their own (in a value block keepalived takes that '{' as a word; the tree here nests it)
        var r = Trees.read("$A=1\nb {\nU1 $UNDEF ${ALSO} $A\n}\n");
        assertEquals("b { U1 $UNDEF $ { ALSO }; 1 }", r.tree());
        assertEquals(0, r.diagnostics().errorCount());
    }

    @Test
    void dollarsThatAreNotReferencesAreQuiet() {
        var r = Trees.read("notify \"/bin/sh -c 'echo $1 $$'\"\nk $HOME/x\n");
        assertEquals(List.of(), r.messages());
    }

    @Test
    void predefinedNames() {
        var r = Trees.read("k ${_INSTANCE} \"${_HASH}\" \"${_BANG}\" ${_PWD}\n");
        assertEquals(List.of("main", "#", "!", "/nonexistent-dir"), r.nodes().get(0).args());
    }

    @Test
    void commentMarksFromValuesStartACommentUnlessQuoted() {
        // keepalived 2.2.7: M2 "x${_HASH}y" z -> x#y z;  M3 a${_HASH}b c -> a;  M4 a ${_BANG}b c -> a;
        // $H=a\#b then M6 $H z -> a
        var r = Trees.read("M2 \"x${_HASH}y\" z\nM3 a${_HASH}b c\nM4 a ${_BANG}b c\n$H=a\\#b\nM6 $H z\n");
        assertEquals("M2 x#y z; M3 a; M4 a; M6 a", r.tree());
    }

    @Test
    void randomIsWithinItsRange() {
        var r = Trees.read("k ${_RANDOM 5 7} ${_RANDOM}\n");
        int v = Integer.parseInt(r.nodes().get(0).arg(0));
        assertTrue(v >= 5 && v <= 7, "got " + v);
        int w = Integer.parseInt(r.nodes().get(0).arg(1));
        assertTrue(w >= 0 && w <= 32767, "got " + w);
    }

    @Test
    void predefinedNameCanBeOverridden() {
        assertEquals(List.of("mine"), Trees.read("$_INSTANCE=mine\nk ${_INSTANCE}\n").nodes().get(0).args());
    }

    @Test
    void multiLineDefinitionFromTheManPage() {
        var r = Trees.read("""
                $INSTANCE= \\
                vrrp_instance VI_${NUM} { \\
                    interface eth0.${NUM} \\
                    @high priority 130 \\
                    @low priority 120 \\
                    virtual_ipaddress { \\
                        10.0.${NUM}.254/24 \\
                    } \\
                }

                $NUM=0
                $INSTANCE

                $NUM=1
                $INSTANCE
                """, new ReaderOptions("high", false));
        assertEquals("t.conf:12|vrrp_instance VI_0 { t.conf:12|interface eth0.0; t.conf:12|priority 130; "
                + "t.conf:12|virtual_ipaddress { t.conf:12|10.0.0.254/24 } }; "
                + "t.conf:15|vrrp_instance VI_1 { t.conf:15|interface eth0.1; t.conf:15|priority 130; "
                + "t.conf:15|virtual_ipaddress { t.conf:15|10.0.1.254/24 } }", r.tree(true));
        assertEquals(List.of(), r.messages());
    }

    @Test
    void nestedMultiLineDefinitionsWithDefinitionsInside() {
        var r = Trees.read("""
                $RS= \\
                real_server 192.168.${VS_NUM}.${RS_NUM} 80 { \\
                    weight 1 \\
                }
                $VS= \\
                virtual_server 10.0.${VS_NUM}.4 80 { \\
                    $RS_NUM=1 \\
                    $RS \\
                    $RS_NUM=2 \\
                    $RS \\
                }
                $VS_NUM=0
                $VS
                """);
        assertEquals("virtual_server 10.0.0.4 80 { real_server 192.168.0.1 80 { weight 1 }; "
                + "real_server 192.168.0.2 80 { weight 1 } }", r.tree());
    }

    @Test
    void blankLineEndsAMultiLineDefinitionAndCommentLinesToo() {
        // keepalived 2.2.7: the blank line ends $ML after m1; "m2 \" is then an ordinary line
        var r = Trees.read("$ML= \\\n  m1 \\\n\n  m2 \\\n# c\n  m3\nA1 $ML\n");
        assertEquals("m2\\; m3; A1 m1", r.tree());
    }

    @Test
    void multiLineValueUsedAfterOtherWords() {
        // keepalived 2.2.7: "A3 x $ML2" gives "A3 x n1" and then "n2"
        var r = Trees.read("$ML2= \\\n  n1 \\\n  n2\nA3 x $ML2\nA4 ${ML2}\n");
        assertEquals("A3 x n1; n2; A4 n1; n2", r.tree());
    }

    @Test
    void multiLineValueIsExpandedOnlyAtTheEndOfALine() {
        var r = Trees.read("$ML= \\\n  n1 \\\n  n2\nk $ML z\n");
        assertEquals("k $ML z", r.tree());
        assertEquals(List.of("t.conf:4: warning: multi-line $ML is expanded only at the end of a line; left as it is "
                + "(as keepalived does)"), r.messages());
    }

    @Test
    void definitionThatUsesItselfIsStopped() {
        var r = Trees.read("$A=x${A}\nk $A\nnext\n");
        assertEquals("next", r.tree());
        assertEquals(1, r.diagnostics().errorCount());
        assertTrue(r.messages().get(0).startsWith("t.conf:2: error: parameter substitution makes the line longer"),
                r.messages().toString());
    }

    @Test
    void multiLineDefinitionThatUsesItselfIsStopped() {
        var r = Trees.read("$A= \\\n  a \\\n  $A\n$A\nnext\n");
        assertTrue(r.diagnostics().hasErrors());
        assertTrue(r.tree().endsWith("next"), r.tree());
    }
}
