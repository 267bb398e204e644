package org.jkeepalived.checkers.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checkers.policy.Configs;
import org.jkeepalived.checkers.probe.ProbeResult;
import org.jkeepalived.core.config.HostFiles;
import org.jkeepalived.core.config.global.NotifyFifo;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.ipvs.FakeIpvsTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lvs_notify_fifo and notify_fifo are created, owned and removed as the VRRP side's FIFOs are. */
class NotifierFifoTest {
    private static final HostFiles.Account NOBODY = new HostFiles.Account(65534, 65534);

    private static NotifyFifo fifo(Path p) {
        return new NotifyFifo(p.toString(), Optional.of("nobody"), Optional.empty(), Optional.empty());
    }

    private static void mkfifo(Path p, String mode) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", "-m", mode, p.toString()).start().waitFor());
    }

    @Test
    void aMissingFifoIsCreated0600OwnedAndRemovedOnClose(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("lvs.fifo");
        Notifier n = new Notifier(Runnable::run, List.of(fifo(p)), f -> Optional.of(NOBODY), Set.of());
        assertTrue(Files.exists(p));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        if (isRoot()) {
            assertEquals(65534, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS));
            assertEquals(65534, Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS));
        }
        assertEquals(Set.of(p), n.created());
        n.close();
        assertFalse(Files.exists(p), "a FIFO the checkers created goes when they stop");
    }

    @Test
    void anExistingFifoIsLeftAsItIs(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("lvs.fifo");
        mkfifo(p, "0640");
        Object uid = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Notifier n = new Notifier(Runnable::run, List.of(fifo(p)), f -> Optional.of(NOBODY), Set.of());
        n.close();
        assertTrue(Files.exists(p));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals(uid, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aReloadKeepsTheFifoAndTheNextNotifierRemovesIt(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("lvs.fifo");
        Notifier first = new Notifier(Runnable::run, List.of(fifo(p)), f -> Optional.empty(), Set.of());
        first.close(Set.of(p));
        assertTrue(Files.exists(p), "the reader keeps its FIFO across a reload");
        Notifier second = new Notifier(Runnable::run, List.of(fifo(p)), f -> Optional.empty(), first.created());
        second.close();
        assertFalse(Files.exists(p));
    }

    @Test
    void theDaemonOwnsItsFifoByScriptUserAndRemovesItOnStop(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("lvs.fifo");
        FakeScheduler clock = new FakeScheduler();
        CheckerDaemon d = CheckerDaemon.start(Configs.parse("global_defs {\n script_user nobody\n lvs_notify_fifo "
                + p + "\n}\nvirtual_server 192.0.2.10 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + " real_server 198.51.100.1 80 {\n TCP_CHECK { }\n }\n}\n"), CheckerOptions.defaults()
                .withFiles(new FakeHostFiles()).withProbes((c, vs, rs) -> done -> done.accept(ProbeResult.ok())),
                new FakeIpvsTable(), clock);
        clock.runDue();
        assertTrue(Files.exists(p));
        if (isRoot()) {
            assertEquals(65534, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        }
        d.stop(false);
        clock.runDue();
        assertFalse(Files.exists(p));
    }

    private static boolean isRoot() {
        try {
            return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        } catch (java.io.IOException e) {
            Assumptions.abort("no id(1)");
            return false;
        }
    }
}
