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
    /** An advert interval under this many milliseconds asks for the VRRP child's fast-advert heap. */
    static final int FAST_ADVERT_MILLIS = 100;
    /** The VRRP child's heap for fast adverts, in MiB (half of it young generation). */
    static final int FAST_HEAP_MIB = 64;

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
     * The heap options of a child. The default grows from 4 MiB with a 2 MiB young generation: smallest
     * footprint, and pauses of well under a millisecond for what the daemon allocates. With {@code fastAdverts}
     * (a VRRP instance's advert_int under {@value #FAST_ADVERT_MILLIS} ms, so a Master_Down_Interval of a few
     * tens of milliseconds) the VRRP child gets what bench/gc-pressure.sh showed to hold under allocation
     * pressure: a fixed heap of at least {@value #FAST_HEAP_MIB} MiB, half of it young generation. Garbage then
     * dies young, a young collection copies only what lives (about a millisecond), the heap never resizes
     * and nothing reaches a full collection; with 2 MiB, short-lived objects were promoted and full
     * collections took 80-150 ms. Eden pages become resident only as they are allocated into.
     */
    static List<String> heapOptions(ChildKind kind, int size, boolean fastAdverts) {
        if (kind == ChildKind.VRRP && fastAdverts) {
            int heap = Math.max(FAST_HEAP_MIB, heapMiB(size));
            return List.of("-Xms" + heap + "m", "-Xmx" + heap + "m", "-Xmn" + FAST_HEAP_MIB / 2 + "m");
        }
        int heap = kind == ChildKind.CHECKERS ? checkerHeapMiB(size) : heapMiB(size);
        return List.of("-Xms4m", "-Xmn2m", "-Xmx" + heap + "m");
    }

    /**
     * The command for a child; {@code size} is what its heap grows with: VRRP instances for the VRRP child,
     * checkers for the checker child.
     */
    static List<String> command(ChildKind kind, int size, List<String> args) {
        return command(kind, size, false, args);
    }

    /** As {@link #command(ChildKind, int, List)}, with the heap for fast adverts ({@link #heapOptions}). */
    static List<String> command(ChildKind kind, int size, boolean fastAdverts, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the class-data archives at their fixed address, shared with the parent (see bin/jkeepalived)
        c.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
        c.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xss256k"));
        c.addAll(heapOptions(kind, size, fastAdverts));
        c.addAll(List.of("-XX:MaxMetaspaceSize=48m",
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
