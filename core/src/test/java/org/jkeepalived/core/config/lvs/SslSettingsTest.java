package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.jkeepalived.core.config.Severity;
import org.junit.jupiter.api.Test;

/** The top-level SSL block; each case was run through keepalived 2.2.7 -t. */
class SslSettingsTest {
    @Test
    void everyKeywordIsKeptAndTheFilesAreNotOpened() {
        LvsConfig c = Lvs.clean("SSL {\n password secret\n ca /nonexistent/ca.pem\n certificate /c.pem\n"
                + " key /k.pem\n}\n");
        SslSettings s = c.ssl().orElseThrow();
        assertEquals(Optional.of("secret"), s.password());
        assertEquals(Optional.of("/nonexistent/ca.pem"), s.ca());
        assertEquals(Optional.of("/c.pem"), s.certificate());
        assertEquals(Optional.of("/k.pem"), s.key());
        assertEquals(1, s.location().line());
        assertEquals(Optional.empty(), Lvs.clean("SSL {\n}\n").ssl().orElseThrow().password());
        assertEquals(Optional.empty(), Lvs.clean("").ssl());
    }

    @Test
    void missingValueAndUnknownKeywordAreErrors() {
        // "SSL cafile missing", "Unknown keyword 'bogus'"
        Lvs.read("SSL {\n ca\n}\n").only(Severity.ERROR, 2, "ca", "SSL CA file missing");
        Lvs.read("SSL {\n bogus x\n}\n").only(Severity.ERROR, 2, "bogus", "unknown keyword");
    }

    @Test
    void aSecondBlockReplacesTheFirst() {
        // "SSL context already specified - replacing"
        Lvs l = Lvs.read("SSL {\n password a\n}\nSSL {\n ca /x\n}\n");
        l.only(Severity.WARNING, 4, "SSL", "replacing");
        assertEquals(Optional.of("/x"), l.config.ssl().orElseThrow().ca());
    }
}
