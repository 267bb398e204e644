package org.jkeepalived.watchdog;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A benchmark hook, not a feature: a daemon thread that produces garbage at a steady rate inside the VRRP
 * child's JVM, so that bench/gc-pressure.sh can show that collector pauses do not cost a false transition at
 * advert_int 0.01. It runs only when the environment variable {@value #ENV} gives a rate in MB/s (the
 * parent passes its environment on to the child); nothing else reads it.
 *
 * <p>Every millisecond it allocates that millisecond's share in 16 KiB arrays and keeps the last
 * {@value #KEPT} of them reachable, so the arrays escape (the JIT cannot drop them) and a little of the
 * garbage is still live when a collection runs, as a real program's would be.
 */
final class AllocationPressure implements Runnable {
    /** The rate in MB/s (10^6 bytes); unset or 0: no pressure. */
    static final String ENV = "JKEEPALIVED_BENCH_ALLOC_MBPS";
    private static final int CHUNK = 16 * 1024;
    private static final int KEPT = 64;
    private static final long TICK_NANOS = 1_000_000;

    private final long bytesPerSecond;
    private final byte[][] kept = new byte[KEPT][];

    private AllocationPressure(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Starts the thread when {@value #ENV} asks for it. */
    static void startIfAsked() {
        String rate = System.getenv(ENV);
        if (rate == null || rate.isBlank()) {
            return;
        }
        double mbps;
        try {
            mbps = Double.parseDouble(rate.trim());
        } catch (NumberFormatException e) {
            LoggerFactory.getLogger(AllocationPressure.class).warn("{}={} is not a number", ENV, rate);
            return;
        }
        if (mbps <= 0) {
            return;
        }
        Logger log = LoggerFactory.getLogger(AllocationPressure.class);
        log.warn("Benchmark hook: allocating {} MB/s of garbage ({})", mbps, ENV);
        Thread t = new Thread(new AllocationPressure((long) (mbps * 1_000_000)), "bench-alloc");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long allocated = 0;
        int next = 0;
        while (true) {
            long due = (System.nanoTime() - start) / 1000 * bytesPerSecond / 1_000_000;
            while (allocated < due) {
                byte[] b = new byte[CHUNK];
                b[next % CHUNK] = (byte) next;
                kept[next] = b;
                next = (next + 1) % KEPT;
                allocated += CHUNK;
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }
}
