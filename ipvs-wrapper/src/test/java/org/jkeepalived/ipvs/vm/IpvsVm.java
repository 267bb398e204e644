package org.jkeepalived.ipvs.vm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.core.testing.JvmProcess;

/**
 * The IPVS test VM (test-tools/ipvs-vm/run-in-vm.sh: Debian's kernel under qemu TCG, since the build machines'
 * kernels have no IPVS) as the VM ITs launch it: one command per boot, with a folder shared with the host for
 * its results. {@link #require()} skips the calling test when qemu, the kernel package, busybox or ipvsadm is
 * missing (bin/install-test-deps installs them).
 */
public final class IpvsVm {
    private final Path root;

    private IpvsVm(Path root) {
        this.root = root;
    }

    /** The VM of this checkout; skips the calling test unless everything it needs is installed. */
    public static IpvsVm require() {
        assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 missing (apt-get install qemu-system-x86)");
        File[] kernels = new File("/boot").listFiles((d, n) -> n.startsWith("vmlinuz-") && n.endsWith("-amd64"));
        assumeTrue(kernels != null && kernels.length > 0 && kernels[0].canRead(),
                "no readable /boot/vmlinuz-*-amd64 (apt-get install linux-image-amd64)");
        assumeTrue(new File("/bin/busybox").canExecute(), "busybox missing (apt-get install busybox-static)");
        assumeTrue(onPath("ipvsadm"), "ipvsadm missing (apt-get install ipvsadm)");
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("test-tools/ipvs-vm/run-in-vm.sh"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "test-tools/ipvs-vm not found above " + Path.of("").toAbsolutePath());
        return new IpvsVm(dir);
    }

    private static boolean onPath(String program) {
        List<String> dirs = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        return dirs.stream().anyMatch(d -> new File(d, program).canExecute());
    }

    /** The root of this checkout (where test-tools/ is). */
    public Path root() {
        return root;
    }

    /** Creates {@code folder} if needed and deletes the files a previous run left in it. */
    public static Path emptyFolder(Path folder) throws IOException {
        Path shared = Files.createDirectories(folder);
        try (var files = Files.list(shared)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        return shared;
    }

    /** A shell command that runs {@code mainClass} with this JVM's java and test class path. */
    public static String javaCommand(String jvmOptions, String mainClass, String... args) {
        return JvmProcess.java() + " " + jvmOptions + " -cp '" + JvmProcess.classPath() + "' " + mainClass + " "
                + String.join(" ", args);
    }

    /**
     * Boots the VM, runs {@code command} in it with {@code shared} mounted at the same path, and returns its exit
     * code; the console goes to {@code log}. The VM gives up after {@code timeoutSeconds} (TCG slows down a lot on
     * a busy host); this waits 20 s more before it fails.
     */
    public int run(String command, Path shared, Path log, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", root.resolve("test-tools/ipvs-vm/run-in-vm.sh").toString(),
                command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("IPVS_VM_SHARED", shared.toString());
        pb.environment().put("IPVS_VM_TIMEOUT", Integer.toString(timeoutSeconds));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds + 20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("VM did not finish in " + (timeoutSeconds + 20) + " s");
        }
        return p.exitValue();
    }
}
