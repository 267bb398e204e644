package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jkeepalived.core.config.HostInterfaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final HostView HOST = new HostView() {
        @Override
        public String shortHostName() {
            return "lb1";
        }

        @Override
        public HostInterfaces interfaces() {
            return Set.of("eth0", "eth1", "eth2", "eth3")::contains;
        }
    };

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HOST);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownFlagPrintsUsageAndExitsNonZeroAsKeepalivedDoes() {
        assertEquals(1, run("--bogus"));
        assertTrue(err().contains("--bogus"), err());
        assertTrue(err().contains("--use-file"), "usage is printed: " + err());
    }

    @Test
    void everyKeepalivedFlagParses() {
        Path conf = write("ok.conf", "global_defs {\n  router_id A\n}\n");
        assertEquals(0, run("-f", conf.toString(), "-P", "-C", "-l", "-D", "-S", "local3", "-G", "-n", "-p", "/tmp/p",
                "-r", "/tmp/r", "-c", "/tmp/c", "-R", "-X", "-V", "-I", "-i", "lb1", "-e", "-t"), err());
        assertEquals(0, run("--use-file=" + conf, "--vrrp", "--check", "--log-console", "--log-detail",
                "--log-facility=daemon", "--no-syslog", "--dont-fork", "--pid=/tmp/p", "--vrrp_pid=/tmp/r",
                "--checkers_pid=/tmp/c", "--dont-respawn", "--release-vips", "--dont-release-vrrp",
                "--dont-release-ipvs", "--config-id=lb1", "--all-config", "--config-test"), err());
    }

    @Test
    void helpAndVersionExitZero() {
        assertEquals(0, run("-h"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--config-test"));
        assertEquals(0, run("-v"));
        assertTrue(err().startsWith("jkeepalived v"), err());
    }

    @Test
    void configTestOnACleanConfigExitsZeroAndPrintsNothing() {
        Path conf = write("ok.conf", "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 5\n"
                + "  priority 100\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n");
        assertEquals(0, run("-t", "-f", conf.toString()), err());
        assertEquals("", err());
    }

    @Test
    void configTestReportsFileLineAndKeywordAndExitsFive() {
        Path conf = write("bad.conf", "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 300\n"
                + "  priority 100\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n");
        assertEquals(5, run("-t", "-f", conf.toString()));
        assertTrue(err().contains(conf + ":3: error: virtual_router_id:"), err());
    }

    @Test
    void configTestWritesToTheLogFileWhenGivenOne() throws Exception {
        Path conf = write("bad.conf", "global_defs {\n  no_such_thing 1\n}\n");
        Path log = dir.resolve("t.log");
        assertEquals(5, run("--config-test=" + log, "-f", conf.toString()));
        assertTrue(Files.readString(log).contains(conf + ":2:"), Files.readString(log));
    }

    @Test
    void dumpPrintsTheParsedConfiguration() {
        Path conf = write("ok.conf", "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 5\n"
                + "  priority 100\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n");
        assertEquals(0, run("-t", "-d", "-f", conf.toString()), err());
        String dump = out.toString(StandardCharsets.UTF_8);
        assertTrue(dump.contains("VI_1") && dump.contains("192.0.2.1"), dump);
    }

    @Test
    void signumPrintsKeepalivedsNumbers() {
        assertEquals(0, run("--signum=RELOAD"));
        assertEquals("1", out.toString(StandardCharsets.UTF_8).trim());
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void configTestReportsAScriptRootWouldRunWithoutScriptSecurity() throws java.io.IOException {
        Path passwd = write("passwd", "root:x:0:0:root:/root:/bin/sh\n");
        Path script = write("notify.sh", "#!/bin/sh\n");
        script.toFile().setExecutable(true);
        HostView withFiles = new HostView() {
            @Override
            public String shortHostName() {
                return "lb1";
            }

            @Override
            public HostInterfaces interfaces() {
                return HOST.interfaces();
            }

            @Override
            public java.util.Optional<org.jkeepalived.core.config.HostFiles> files() {
                return java.util.Optional.of(new PosixHostFiles(passwd, passwd, "/nonexistent"));
            }
        };
        Path conf = write("s.conf", "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n priority 100\n"
                + " virtual_ipaddress {\n  192.0.2.1\n }\n notify_master " + script + "\n}\n");
        int rc = Main.run(new String[] {"-t", "-f", conf.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), withFiles);
        assertEquals(Main.EXIT_CONFIG_TEST_FAILED, rc, err());
        assertTrue(err().contains("s.conf:8: warning: SECURITY VIOLATION - scripts are being executed"), err());
        // The same config with the program gone: keepalived drops the notify script and passes.
        Files.delete(script);
        err.reset();
        rc = Main.run(new String[] {"-t", "-f", conf.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), withFiles);
        assertEquals(0, rc, err());
    }
}
