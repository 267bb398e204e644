package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.ipvs.IpvsException;
import org.jkeepalived.ipvs.genl.GenlIpvsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the kernel's IPVS table for the checker child as keepalived's ipvs_start does: when the generic netlink
 * family "IPVS" is missing it runs the kernel's modprobe for {@code ip_vs} once and tries again. A kernel built
 * without IPVS (the build machines') still fails then, with keepalived's errno: "No such file or directory".
 */
final class KernelIpvs {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");
    private static final Path MODPROBE_SETTING = Path.of("/proc/sys/kernel/modprobe");
    private static final long MODPROBE_SECONDS = 10;

    private KernelIpvs() {
    }

    /** The table, or an {@link IpvsException} with the errno of the last attempt. */
    static GenlIpvsTable open() throws IOException {
        try {
            return GenlIpvsTable.open();
        } catch (IpvsException e) {
            if (!modprobe()) {
                throw e;
            }
            return GenlIpvsTable.open();
        }
    }

    /** Runs {@code modprobe -- ip_vs}; its messages go to standard error (standard output carries replies). */
    private static boolean modprobe() {
        String modprobe = "/sbin/modprobe";
        try {
            String set = Files.readString(MODPROBE_SETTING, StandardCharsets.US_ASCII).trim();
            if (!set.isEmpty()) {
                modprobe = set;
            }
        } catch (IOException e) {
            // keepalived's default
        }
        try {
            Process p = new ProcessBuilder(modprobe, "--", "ip_vs").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.from(
                            new java.io.File("/dev/null"))).start();
            if (!p.waitFor(MODPROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("cannot run {}: {}", modprobe, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The C library's text for the errnos opening IPVS can end in (as keepalived prints strerror). */
    static String strerror(int errno) {
        return switch (errno) {
            case 1 -> "Operation not permitted";
            case 2 -> "No such file or directory";
            case 13 -> "Permission denied";
            case 92 -> "Protocol not available";
            case 93 -> "Protocol not supported";
            case 97 -> "Address family not supported by protocol";
            default -> "Unknown error " + errno;
        };
    }
}
