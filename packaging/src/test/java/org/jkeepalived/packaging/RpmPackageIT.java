package org.jkeepalived.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jkeepalived.core.testing.Command;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The .rpm the build made, read with rpm -qp: its files, config files, requirements and scriptlets. */
class RpmPackageIT {
    private static String rpm;

    @BeforeAll
    static void built() {
        assumeTrue(Boolean.getBoolean("jkeepalived.rpm"),
                "no .rpm built: the rpm profile is off (no /usr/bin/rpmbuild; bin/install-test-deps installs it)");
        rpm = Built.rpm().toString();
    }

    @Test
    void listsExactlyTheLauncherJarsUnitOptionsSampleAndManPages() {
        List<String> expected = new ArrayList<>(List.of(
                "/etc/keepalived",
                "/etc/keepalived/jkeepalived.conf.sample",
                "/etc/sysconfig/jkeepalived",
                "/usr/lib/systemd/system/jkeepalived.service",
                "/usr/sbin/jkeepalived",
                "/usr/share/jkeepalived",
                "/usr/share/jkeepalived/lib",
                "/usr/share/man/man5/jkeepalived.conf.5.gz",
                "/usr/share/man/man8/jkeepalived.8.gz"));
        Built.jars().forEach(jar -> expected.add("/usr/share/jkeepalived/lib/" + jar));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(query("-qpl")));
        assertTrue(Built.jars().stream().anyMatch(j -> j.startsWith("watchdog-")), Built.jars().toString());
    }

    @Test
    void keepsTheOperatorsEditsOfItsConfigFiles() {
        // %config(noreplace) shows as flags "cn"
        assertEquals(List.of("/etc/keepalived/jkeepalived.conf.sample cn", "/etc/sysconfig/jkeepalived cn"),
                query("-qp", "--qf", "[%{FILENAMES} %{FILEFLAGS:fflags}\\n]").stream()
                        .filter(l -> l.startsWith("/etc/") && !l.startsWith("/etc/keepalived "))
                        .sorted().toList());
        assertTrue(query("-qp", "--qf", "[%{FILENAMES} %{FILEMODES:perms}\\n]")
                .contains("/usr/sbin/jkeepalived -rwxr-xr-x"));
    }

    @Test
    void requiresAJava17HeadlessRuntimeAndLibpcapOnly() {
        List<String> requires = query("-qpR").stream()
                .filter(r -> !r.startsWith("rpmlib(") && !r.equals("/bin/sh")).sorted().toList();
        assertEquals(List.of("java-headless >= 1:17", "libpcap"), requires);
    }

    @Test
    void neitherEnablesNorStartsOnInstallAndStopsOnErase() {
        String scripts = query("-qp", "--scripts").stream().filter(l -> !l.startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(scripts.contains("systemctl --no-reload disable --now jkeepalived.service"), scripts);
        assertTrue(scripts.contains("systemctl try-restart jkeepalived.service"), scripts);
        assertTrue(!scripts.contains("enable ") && !scripts.contains(" start "), scripts);
    }

    private static List<String> query(String... args) {
        List<String> argv = new ArrayList<>(List.of("rpm"));
        argv.addAll(List.of(args));
        argv.add(rpm);
        Command.Result r = Command.run(60, argv);
        assertEquals(0, r.exitCode(), r.output());
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
