package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.HostFiles.Account;
import org.jkeepalived.core.config.HostFiles.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixHostFilesTest {
    @TempDir
    Path dir;

    private PosixHostFiles files(String path) throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nkeepalived_script:x:990:985::/:/usr/sbin/nologin\nbad:x:y:1\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nwheel:x:10:alice\n");
        return new PosixHostFiles(passwd, group, path);
    }

    @Test
    void statusGivesTypeAndPermissionsWithOrWithoutFollowingLinks() throws IOException {
        Path script = Files.writeString(dir.resolve("s.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path link = Files.createSymbolicLink(dir.resolve("l"), script);
        PosixHostFiles f = files(null);
        FileStatus s = f.status(script.toString(), true).orElseThrow();
        assertTrue(s.isRegular());
        assertEquals(0750, s.mode() & 07777);
        assertTrue(f.status(link.toString(), false).orElseThrow().isSymlink());
        assertTrue(f.status(link.toString(), true).orElseThrow().isRegular());
        assertTrue(f.status(dir.toString(), true).orElseThrow().isDirectory());
        assertEquals(Optional.empty(), f.status(dir.resolve("none").toString(), true));
        assertEquals(Optional.of(script.toRealPath().toString()), f.realPath(link.toString()));
        assertEquals(Optional.empty(), f.realPath(dir.resolve("none").toString()));
    }

    @Test
    void usersAndGroupsComeFromTheDatabaseFiles() throws IOException {
        PosixHostFiles f = files(null);
        assertEquals(Optional.of(new Account(990, 985)), f.user("keepalived_script"));
        assertEquals(Optional.of(new Account(0, 0)), f.user("root"));
        assertEquals(Optional.empty(), f.user("bad"));
        assertEquals(Optional.empty(), f.user("nobody"));
        assertEquals(OptionalInt.of(10), f.group("wheel"));
        assertFalse(f.group("alice").isPresent());
    }

    @Test
    void searchPathIsPathOrTheCLibraryDefault() throws IOException {
        assertEquals(List.of("/bin", "/usr/bin"), files(null).searchPath());
        assertEquals(List.of("/a", "", "/b"), files("/a::/b").searchPath());
    }
}
