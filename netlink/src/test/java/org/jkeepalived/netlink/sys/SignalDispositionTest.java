package org.jkeepalived.netlink.sys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;

class SignalDispositionTest {
    /** SIGWINCH: nobody in this JVM handles it, and its default action is to ignore it anyway. */
    private static final int SIGWINCH = 28;

    @Test
    void anIgnoredSignalIsResetToItsDefaultAndOnlyThen() throws Exception {
        Memory ignore = new Memory(152);
        ignore.clear();
        ignore.setLong(0, 1); // SIG_IGN, as nohup leaves SIGHUP
        ErrnoException.check(LibC.sigaction(SIGWINCH, ignore, null), "sigaction", "test");
        assertTrue(SignalDisposition.isIgnored(SIGWINCH));
        assertTrue(SignalDisposition.unignore(SIGWINCH));
        assertFalse(SignalDisposition.isIgnored(SIGWINCH));
        assertFalse(SignalDisposition.unignore(SIGWINCH), "nothing to undo the second time");
    }
}
