package org.jkeepalived.watchdog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of a child JVM: {@code java} of the running JDK, this process's class
 * path, and options for a small footprint (serial GC on a small heap, C1 only, small thread stacks, the
 * class-data-sharing archive the parent uses) with a heap sized for the number of VRRP instances.
 */
final class JvmCommand {
    /** HotSpot's suspend/resume signal moves here (a real-time signal keepalived does not use), freeing USR2. */
    static final String SR_SIGNUM = "39";
    /** System property naming the AppCDS archive the launcher uses; children use it too. */
    static final String CDS_PROPERTY = "jkeepalived.cds";
    /** Extra options for the children, from the launcher's environment. */
    static final String CHILD_OPTS_ENV = "JKEEPALIVED_CHILD_JAVA_OPTS";

    private JvmCommand() {
    }

    /** The maximum heap in MiB for a child running {@code instances} VRRP instances (measured: bench/footprint.sh). */
    static int heapMiB(int instances) {
        return 12 + instances / 16;
    }

    /**
     * The maximum heap in MiB for a checker child running {@code checks} checkers. Measured with the checker
     * benchmark (serial GC, C1): 10,000 TCP_CHECKs ran in 64 MiB and not in 48 (heap in use 58 MiB), 2,000
     * HTTP_GETs in 24 MiB (18 in use), and neither in 12. A small configuration still gets 16 MiB.
     */
    static int checkerHeapMiB(int checks) {
        return 16 + checks / 100;
    }

    /**
     * The command for a child; {@code size} is what its heap grows with: VRRP instances for the VRRP child,
     * checkers for the checker child.
     */
    static List<String> command(ChildKind kind, int size, List<String> args) {
        int heap = kind == ChildKind.CHECKERS ? checkerHeapMiB(size) : heapMiB(size);
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the class-data archives at their fixed address, shared with the parent (see bin/jkeepalived)
        c.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
        c.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xss256k",
                "-Xms4m", "-Xmn2m", "-Xmx" + heap + "m", "-XX:MaxMetaspaceSize=48m",
                "-XX:ReservedCodeCacheSize=16m", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError"));
        String cds = System.getProperty(CDS_PROPERTY);
        if (cds != null && !cds.isEmpty()) {
            c.add("-XX:SharedArchiveFile=" + cds);
            c.add("-Xshare:auto");
            c.add("-Xlog:cds=off");
            c.add("-Xlog:cds+dynamic=off");
            c.add("-D" + CDS_PROPERTY + "=" + cds);
        }
        String syslog = System.getProperty(SyslogAppender.SOCKET_PROPERTY);
        if (syslog != null) {
            c.add("-D" + SyslogAppender.SOCKET_PROPERTY + "=" + syslog);
        }
        String extra = System.getenv(CHILD_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            c.addAll(List.of(extra.trim().split("\\s+")));
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(kind.mainClass());
        c.addAll(args);
        return c;
    }

    /** Sets what every JVM of the daemon needs in its environment. */
    static void environment(Map<String, String> env) {
        env.put("_JAVA_SR_SIGNUM", SR_SIGNUM);
    }
}
