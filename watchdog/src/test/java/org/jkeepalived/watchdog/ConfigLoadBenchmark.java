package org.jkeepalived.watchdog;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;

/**
 * Times the configuration loader alone on a file (bench/config-scale.sh runs it on a generated
 * 10,000-instance config): the first load straight after JVM start-up, then the best of five.
 * A benchmark, not a test.
 */
public final class ConfigLoadBenchmark {
    private ConfigLoadBenchmark() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        LoadOptions options = new LoadOptions("bench", false, HostView.system().interfaces());
        long jvmUp = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        LoadResult first = ConfigLoader.load(file, options);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            ConfigLoader.load(file, options);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("loader in-process: first load %d ms (JVM up %d ms before it), best warm load %d ms,"
                        + " %d diagnostics, %d instances, %d virtual servers%n",
                firstMs, jvmUp, best / 1_000_000, first.diagnostics().size(),
                first.config().vrrp().instances().size(), first.config().lvs().virtualServers().size());
    }
}
