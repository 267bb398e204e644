package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    @TempDir
    Path dir;

    @Test
    void writesThePidAndRemovesItOnlyWhileItIsOurs() throws Exception {
        Path p = dir.resolve("run/keepalived.pid");
        PidFile f = PidFile.write(p, 4242);
        assertEquals("4242\n", Files.readString(p));
        Files.writeString(p, "4343\n"); // another daemon took it over
        f.remove();
        assertTrue(Files.exists(p));
        PidFile.write(p, 4242).remove();
        assertFalse(Files.exists(p));
    }

    @Test
    void aFileNamingALiveOtherProcessMeansAlreadyRunning() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Files.createDirectories(proc.resolve("777"));
        Path p = dir.resolve("k.pid");
        Files.writeString(p, "777\n");
        assertEquals(777, PidFile.runningPid(p, proc));
        Files.writeString(p, "778\n"); // stale: no such process
        assertEquals(-1, PidFile.runningPid(p, proc));
        Files.writeString(p, ProcessHandle.current().pid() + "\n"); // ourselves
        Files.createDirectories(proc.resolve(Long.toString(ProcessHandle.current().pid())));
        assertEquals(-1, PidFile.runningPid(p, proc));
        assertEquals(-1, PidFile.runningPid(dir.resolve("missing.pid"), proc));
    }
}
