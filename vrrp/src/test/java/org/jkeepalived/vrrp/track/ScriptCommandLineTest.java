package org.jkeepalived.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCommandLineTest {
    private static ScriptCommand cmd(String line) {
        return new ScriptCommand(line, Optional.empty(), Optional.empty(), new SourceLocation("k.conf", 1));
    }

    @Test
    void execsTheWordsDirectlyWithNotifyArgumentsAfter() {
        assertEquals(List.of("/etc/k/notify.sh", "i x", "INSTANCE", "VI_1", "MASTER", "100"),
                ScriptCommandLine.argv(cmd("/etc/k/notify.sh 'i x'"), List.of("INSTANCE", "VI_1", "MASTER", "100"),
                        ScriptVerdict.run(0, 0), 0, 0));
    }

    @Test
    void anotherUserGoesThroughSetpriv() {
        assertEquals(List.of("setpriv", "--reuid=1000", "--regid=100", "--clear-groups", "--", "/bin/chk", "a"),
                ScriptCommandLine.argv(cmd("/bin/chk a"), List.of(), ScriptVerdict.run(1000, 100), 0, 0));
    }

    @Test
    void aFileOpenTestRunsThroughTheShell() {
        ScriptVerdict shell = new ScriptVerdict(true, 0, 0, true, "");
        assertEquals(List.of("/bin/sh", "-c", "</dev/tcp/192.0.2.1/80 'it''s'"),
                ScriptCommandLine.argv(cmd("</dev/tcp/192.0.2.1/80"), List.of("it's"), shell, 0, 0)
                        .stream().map(s -> s.replace("'\\''", "''")).toList());
    }

    @Test
    void programSkipsSetprivOptions() {
        assertEquals("/bin/chk", ProcessScriptRunner.program(
                List.of("setpriv", "--reuid=1", "--regid=1", "--clear-groups", "--", "/bin/chk")));
        assertEquals("/bin/chk", ProcessScriptRunner.program(List.of("/bin/chk", "x")));
    }

    @Test
    void aFileWithoutInterpreterLineIsNotExecFormat(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.sh"), "echo hi\n");
        Path script = Files.writeString(dir.resolve("ok.sh"), "#!/bin/sh\necho hi\n");
        assertFalse(ProcessScriptRunner.execFormat(plain.toString()));
        assertTrue(ProcessScriptRunner.execFormat(script.toString()));
        assertTrue(ProcessScriptRunner.execFormat("/bin/true"));
        assertTrue(ProcessScriptRunner.execFormat("true"));
    }
}
