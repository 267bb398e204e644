package org.jkeepalived.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The systemd unit's source (packaging/systemd/jkeepalived.service) and what the operator relies on. */
class UnitFileTest {
    private static final Path UNIT = Path.of("systemd", "jkeepalived.service");

    @Test
    void everyGrantedCapabilityHasItsReasonJustAbove() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        List<String> granted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("CapabilityBoundingSet=")) {
                assertTrue(lines.get(i - 1).startsWith("# "), "no reason given above: " + lines.get(i));
                granted.addAll(List.of(lines.get(i).substring("CapabilityBoundingSet=".length()).split(" ")));
            }
        }
        assertTrue(granted.containsAll(List.of("CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_KILL", "CAP_SETUID", "CAP_SETGID")),
                granted.toString());
        assertFalse(granted.contains("CAP_SYS_ADMIN"), "net_namespace users add CAP_SYS_ADMIN themselves");
    }

    @Test
    void runsTheParentInTheForegroundAndLetsItStopItsChildren() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        assertTrue(lines.contains("Type=simple"));
        assertTrue(lines.contains("ExecStart=/usr/sbin/jkeepalived --dont-fork ${options.args}"));
        assertTrue(lines.contains("ExecReload=/bin/kill -HUP $MAINPID"));
        assertTrue(lines.contains("KillMode=mixed"));
        assertTrue(lines.contains("EnvironmentFile=-${options.file}"));
    }

    @Test
    void waitsForTheOperatorsConfigurationAndNeverRunsBesideKeepalived() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        assertTrue(lines.contains("ConditionFileNotEmpty=/etc/keepalived/keepalived.conf"));
        assertTrue(lines.contains("Conflicts=keepalived.service"));
    }

    @Test
    void eachFamilyGetsItsOptionsFileAndVariable() throws IOException {
        assertEquals(List.of("options.file=/etc/default/jkeepalived", "options.args=$DAEMON_ARGS"),
                settings(Path.of("src", "filters", "deb.properties")));
        assertEquals(List.of("options.file=/etc/sysconfig/jkeepalived", "options.args=$KEEPALIVED_OPTIONS"),
                settings(Path.of("src", "filters", "rpm.properties")));
        assertTrue(Files.readAllLines(Path.of("deb", "default", "jkeepalived")).contains("DAEMON_ARGS=\"\""));
        assertTrue(Files.readAllLines(Path.of("rpm", "sysconfig", "jkeepalived")).contains("KEEPALIVED_OPTIONS=\"-D\""));
    }

    private static List<String> settings(Path properties) throws IOException {
        return Files.readAllLines(properties).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
