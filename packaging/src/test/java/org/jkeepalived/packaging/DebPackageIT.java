package org.jkeepalived.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the .deb on this machine with dpkg -i, checks what it put where, runs the installed
 * launcher's {@code -t} on the installed sample in a throwaway namespace with an eth0, verifies the
 * unit with systemd-analyze, and purges the package after all (also after a failure): afterwards
 * none of its files is left. It never starts the service, and skips when jkeepalived is already
 * installed here.
 */
class DebPackageIT {
    private static final Path LAUNCHER = Path.of("/usr/sbin/jkeepalived");
    private static final Path UNIT = Path.of("/lib/systemd/system/jkeepalived.service");
    private static final Path SAMPLE = Path.of("/etc/keepalived/jkeepalived.conf.sample");

    private static List<String> owned;
    private static boolean touched;

    @TempDir
    Path dir;

    @BeforeAll
    static void install() {
        assumeTrue(Command.isRoot(), "dpkg -i needs root");
        assumeTrue(Command.available("dpkg"), "not a Debian system");
        assumeFalse(status().startsWith("install ok installed"), "jkeepalived is installed here: not touching it");
        Path deb = Built.deb().toAbsolutePath();
        touched = true;
        Command.Result install = Command.run(300, List.of("dpkg", "-i", "--force-confdef", "--force-confold",
                deb.toString()));
        assertEquals(0, install.exitCode(), install.output());
        owned = query("dpkg", "-L", "jkeepalived");
    }

    /** Purges what {@link #install()} installed, even after a failure, and checks that nothing is left. */
    @AfterAll
    static void purgeLeavesNothingBehind() {
        if (!touched) {
            return;
        }
        Command.Result purge = Command.run(300, List.of("dpkg", "--purge", "jkeepalived"));
        assertEquals(0, purge.exitCode(), purge.output());
        assertEquals("", status(), "dpkg still knows jkeepalived after --purge");
        for (String own : List.of("/usr/share/jkeepalived", "/etc/default/jkeepalived", SAMPLE.toString(),
                UNIT.toString(), LAUNCHER.toString())) {
            assertFalse(Files.exists(Path.of(own), LinkOption.NOFOLLOW_LINKS), "left behind: " + own);
        }
        for (String path : owned == null ? List.<String>of() : owned) {
            Path p = Path.of(path);
            if (path.equals("/.") || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            assertTrue(Files.isDirectory(p) && (ownedByAnotherPackage(path) || !isEmpty(p)), "left behind: " + path);
        }
    }

    @Test
    void installsTheLauncherJarsUnitOptionsSampleAndManPages() throws IOException {
        List<String> expected = new ArrayList<>(List.of("/usr/sbin/jkeepalived", UNIT.toString(),
                "/etc/default/jkeepalived", SAMPLE.toString(), "/usr/share/man/man8/jkeepalived.8.gz",
                "/usr/share/man/man5/jkeepalived.conf.5.gz"));
        Built.jars().forEach(jar -> expected.add("/usr/share/jkeepalived/lib/" + jar));
        assertTrue(owned.containsAll(expected), "dpkg -L: " + owned);
        assertTrue(Files.isExecutable(LAUNCHER));
        assertEquals(Files.readString(Built.SAMPLE), Files.readString(SAMPLE));
        assertEquals(List.of("/etc/default/jkeepalived", SAMPLE.toString()),
                query("dpkg-query", "-W", "-f=${Conffiles}", "jkeepalived").stream()
                        .map(l -> l.split(" ")[0]).sorted().toList());
        String unit = Files.readString(UNIT);
        assertTrue(unit.contains("EnvironmentFile=-/etc/default/jkeepalived\n"), unit);
        assertTrue(unit.contains("ExecStart=/usr/sbin/jkeepalived --dont-fork $DAEMON_ARGS\n"), unit);
    }

    @Test
    void neitherEnablesNorStartsTheService() {
        assertFalse(Files.exists(Path.of("/etc/systemd/system/multi-user.target.wants/jkeepalived.service"),
                LinkOption.NOFOLLOW_LINKS), "the package enabled the service");
        boolean running = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains("/usr/share/jkeepalived/lib")).orElse(false));
        assertFalse(running, "the package started jkeepalived");
        if (Files.isDirectory(Path.of("/run/systemd/system"))) {
            assertEquals("inactive", Command.run("systemctl", "is-active", "jkeepalived").stdout().strip());
        }
    }

    @Test
    void launcherChecksTheInstalledSampleInANamespaceWithEth0() {
        try (NetworkNamespace ns = NetworkNamespace.create()) {
            ns.ip("link", "add", "eth0", "type", "veth", "peer", "name", "eth1");
            Command.Result test = ns.exec(60, LAUNCHER.toString(), "-t", "-f", SAMPLE.toString());
            assertEquals(0, test.exitCode(), test.output());
            assertEquals("", test.output());
        }
    }

    @Test
    void manPagesAreFoundAndRenderWithoutWarnings() {
        assumeTrue(Command.available("man"), "man-db is not installed here");
        assumeFalse(manPagesExcluded(), "dpkg excludes /usr/share/man here (path-exclude)");
        for (String page : List.of("8 jkeepalived", "5 jkeepalived.conf")) {
            String[] sectionName = page.split(" ");
            Command.Result where = Command.run(30, List.of("man", "-w", sectionName[0], sectionName[1]));
            assertEquals(0, where.exitCode(), where.output());
            // groff's warnings (-ww) about the page's markup come out on stderr
            Command.Result render = Command.run(60, List.of("sh", "-c",
                    "MANWIDTH=80 man --warnings=w " + sectionName[0] + " " + sectionName[1] + " >/dev/null"));
            assertEquals(0, render.exitCode(), render.output());
            assertEquals("", render.stderr(), page);
        }
    }

    @Test
    void unitsPassSystemdAnalyzeVerify() throws IOException {
        assumeTrue(Command.available("systemd-analyze"), "systemd is not installed here");
        // the .deb's unit as installed, and the .rpm's variant (its launcher path is the same)
        Path rpmVariant = Files.createDirectories(dir.resolve("rpm")).resolve("jkeepalived.service");
        Files.copy(Built.TARGET.resolve("units/rpm/jkeepalived.service"), rpmVariant);
        for (Path unit : List.of(UNIT, rpmVariant)) {
            Command.Result verify = Command.run(60, List.of("systemd-analyze", "verify", unit.toString()));
            assertEquals(0, verify.exitCode(), unit + ": " + verify.output());
            assertFalse(verify.output().contains("jkeepalived"), unit + ": " + verify.output());
        }
    }

    private static boolean manPagesExcluded() {
        Command.Result excludes = Command.run(10, List.of("sh", "-c",
                "cat /etc/dpkg/dpkg.cfg /etc/dpkg/dpkg.cfg.d/* 2>/dev/null | grep '^path-exclude.*/usr/share/man'"));
        return excludes.exitCode() == 0;
    }

    private static String status() {
        return Command.run(30, List.of("dpkg-query", "-W", "-f=${Status}", "jkeepalived")).stdout().strip();
    }

    private static boolean ownedByAnotherPackage(String path) {
        return Command.run(30, List.of("dpkg", "-S", path)).exitCode() == 0;
    }

    private static boolean isEmpty(Path directory) {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> query(String... argv) {
        Command.Result r = Command.run(60, List.of(argv));
        assertEquals(0, r.exitCode(), r.output());
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
