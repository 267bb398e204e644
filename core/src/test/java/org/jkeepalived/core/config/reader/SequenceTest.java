package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ~SEQ, ~SEQx and ~LST; the ~SEQ expectations were checked against keepalived 2.2.7. */
class SequenceTest {
    private static String read(String text) {
        var r = Trees.read(text);
        assertEquals(List.of(), r.messages());
        return r.tree();
    }

    @Test
    void endOnly() {
        assertEquals("S1.1; S1.2; S1.3", read("~SEQ(A,3) S1.$A\n"));
        assertEquals("S2.1; S2.0", read("~SEQ(B,0) S2.$B\n"));
        assertEquals("S3.-1; S3.-2", read("~SEQ(C,-2) S3.${C}\n"));
    }

    @Test
    void startAndEnd() {
        assertEquals("ip_address 10.0.0.1; ip_address 10.0.1.1; ip_address 10.0.2.1; ip_address 10.0.3.1",
                read("~SEQ(SUBNET, 0, 3) ip_address 10.0.${SUBNET}.1\n"));
        assertEquals("S4.5; S4.4; S4.3", read("~SEQ(D,5,3) S4.${D}\n"));
        assertEquals("S15.0", read("~SEQ(R,0,0) S15.${R}\n"));
    }

    @Test
    void startStepEnd() {
        assertEquals("S5.1; S5.3; S5.5", read("~SEQ(E, 1, 2, 6) S5.${E}\n"));
        assertEquals("n.5; n.3; n.1", read("~SEQ(E, 5, -2, 0) n.${E}\n"));
    }

    @Test
    void hexAndOctalNumbersAndHexOutput() {
        assertEquals("S6.9; S6.a; S6.b", read("~SEQx(F, 0x9, 0x1, 0xb) S6.${F}\n"));
        assertEquals("ip_address fe80::20:90:1; ip_address fe80::20:a0:1; ip_address fe80::20:b0:1; "
                + "ip_address fe80::20:c0:1", read("~SEQx(SUBNET, 144, 16, 192) ip_address fe80::20:${SUBNET}:1\n"));
        assertEquals("S7.8; S7.9", read("~SEQ(G,010,011) S7.${G}\n"));
    }

    @Test
    void nestedSequences() {
        assertEquals("S9.1.1; S9.1.2; S9.2.1; S9.2.2", read("~SEQ(I,2) ~SEQ(J,2) S9.${I}.${J}\n"));
    }

    @Test
    void numbersMayBeParameters() {
        assertEquals("S10.1; S10.2", read("$N=2\n~SEQ(K,$N) S10.${K}\n"));
    }

    @Test
    void variableAtTheStartOfTheText() {
        assertEquals("1 S18; 2 S18", read("~SEQ(U,1,2) $U S18\n"));
    }

    @Test
    void blanksAroundTheParenthesis() {
        assertEquals("S14", read("~SEQ (Q,1) S14\n"));
    }

    @Test
    void sequenceInsideABlockWithAMultiLineDefinition() {
        var r = Trees.read("""
                $VI= \\
                vrrp_instance v.${IF}.${ID} { \\
                    virtual_router_id ${ID} \\
                }
                ~SEQ(IF,0,1) ~SEQ(ID,1,2) $VI
                """);
        assertEquals("vrrp_instance v.0.1 { virtual_router_id 1 }; vrrp_instance v.0.2 { virtual_router_id 2 }; "
                + "vrrp_instance v.1.1 { virtual_router_id 1 }; vrrp_instance v.1.2 { virtual_router_id 2 }", r.tree());
    }

    @Test
    void wrongStepSignIsAnErrorAndTheLineIsDropped() {
        var r = Trees.read("~SEQ(H,1,-1,3) S8.${H}\nnext\n");
        assertEquals("next", r.tree());
        assertEquals(List.of("t.conf:1: error: Invalid ~SEQ values '~SEQ(H,1,-1,3) S8.${H}'; line ignored"),
                r.messages());
    }

    @Test
    void zeroStepAndMalformedSpecificationsAreErrors() {
        for (String bad : List.of("~SEQ(S,1,0,3) x", "~SEQ(T,1,2,3 x", "~SEQ(,3) x", "~SEQ(V) x", "~SEQ x",
                "~SEQ(V,a) x", "~SEQx(V,-1,3) x", "~SEQ(V,1,2,3,4) x", "~SEQ(V,1,1000000000) x")) {
            var r = Trees.read(bad + "\n");
            assertEquals("", r.tree(), bad);
            assertEquals(1, r.diagnostics().errorCount(), bad);
        }
    }

    @Test
    void otherTildeLinesPassUnchanged() {
        assertEquals("~FOO bar", read("~FOO bar\n"));
    }

    @Test
    void listWithOneVariable() {
        assertEquals("x.a; x.b; x.c", read("~LST(L, a, b, c) x.${L}\n"));
    }

    @Test
    void listWithSeveralVariablesAndCombinedWithSeq() {
        assertEquals("192.168.10.1; 192.168.20.4", read("~LST({IP, IP1}, {10,1},{20,4}) 192.168.${IP}.${IP1}\n"));
        assertEquals("192.168.10.1; 192.170.10.1; 192.168.20.4; 192.170.20.4",
                read("~LST({IP, IP1}, {10,1},{20,4}) ~SEQ(IP2,168,2,170) 192.${IP2}.${IP}.${IP1}\n"));
    }

    @Test
    void listValueWithABlankIsAnError() {
        var r = Trees.read("~LST(L, a, b c, d) S11.${L}\n");
        assertEquals("", r.tree());
        assertEquals(1, r.diagnostics().errorCount());
    }
}
