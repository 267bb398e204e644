package org.jkeepalived.vrrp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.HostFiles;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.vrrp.track.FakeScriptRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notify FIFOs created as keepalived 2.2.7 creates them (checked in a namespace): mode 0600, owned by the
 * configured user (and group, else the user's primary group), removed when the daemon stops; a FIFO that was
 * already there keeps its mode and owner and stays.
 */
class NotifyFifoOwnerTest {
    @TempDir
    Path dir;

    /** As root the test hands the FIFO to nobody; otherwise to this process's own uid and gid. */
    private static HostFiles.Account fifoUser() throws Exception {
        com.sun.security.auth.module.UnixSystem me = new com.sun.security.auth.module.UnixSystem();
        return me.getUid() == 0 ? new HostFiles.Account(65534, 65534)
                : new HostFiles.Account((int) me.getUid(), (int) me.getGid());
    }

    private static HostFiles users(HostFiles.Account fifoUser) {
        return new HostFiles() {
            @Override
            public Optional<FileStatus> status(String path, boolean follow) {
                return Optional.empty();
            }

            @Override
            public Optional<String> realPath(String path) {
                return Optional.empty();
            }

            @Override
            public List<String> searchPath() {
                return List.of();
            }

            @Override
            public Optional<Account> user(String name) {
                return name.equals("fifouser") ? Optional.of(fifoUser) : Optional.empty();
            }

            @Override
            public OptionalInt group(String name) {
                return OptionalInt.empty();
            }
        };
    }

    @Test
    void createdWithModeAndOwnerAndRemovedOnStop() throws Exception {
        Path created = dir.resolve("created.fifo");
        Path existing = dir.resolve("existing.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", "-m", "0644", existing.toString()).start().waitFor());
        int existingUid = (Integer) Files.getAttribute(existing, "unix:uid");
        KeepalivedConfig c = ConfigLoader.load("global_defs {\n vrrp_notify_fifo " + created + " fifouser\n"
                + " notify_fifo " + existing + " fifouser\n}\n", "test.conf", dir,
                new LoadOptions("host", false, HostInterfaces.ANY)).config();
        HostFiles.Account owner = fifoUser();
        Notifier n = new Notifier(c.global(), c.vrrp(), new FakeScriptRunner(), x -> ScriptVerdict.run(0, 0), 0, 0,
                "host", Duration.ofSeconds(5), Optional.of(users(owner)));
        n.open();

        assertTrue((Boolean) Files.getAttribute(created, "unix:isOther", LinkOption.NOFOLLOW_LINKS), "a FIFO");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
        assertEquals(owner.uid(), Files.getAttribute(created, "unix:uid"));
        assertEquals(owner.gid(), Files.getAttribute(created, "unix:gid"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
        assertEquals(existingUid, Files.getAttribute(existing, "unix:uid"));

        n.close(Duration.ofSeconds(1));
        assertFalse(Files.exists(created, LinkOption.NOFOLLOW_LINKS), "keepalived removes what it created");
        assertTrue(Files.exists(existing, LinkOption.NOFOLLOW_LINKS), "and leaves the rest");
    }
}
