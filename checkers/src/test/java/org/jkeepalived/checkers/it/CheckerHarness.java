package org.jkeepalived.checkers.it;

import java.nio.file.Path;
import java.util.Optional;

import org.jkeepalived.checkers.daemon.CheckerDaemon;
import org.jkeepalived.checkers.daemon.CheckerOptions;
import org.jkeepalived.checkers.daemon.IpvsView;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.ipvs.FakeIpvsTable;

/**
 * The checker subsystem as the checker child would run it, for ITs: reads a config, checks its real servers over
 * the network (run it inside the test's namespace), keeps an in-memory IPVS table (this kernel has no IPVS) and
 * prints the table as {@code IPVS <line>|<line>} each time it changes. {@code stop} on stdin stops it.
 */
public final class CheckerHarness {
    public static void main(String[] args) throws Exception {
        LoadResult r = ConfigLoader.load(Path.of(args[0]), new LoadOptions("it", false, name -> true));
        if (!r.diagnostics().isEmpty()) {
            System.out.println("CONFIG " + r.diagnostics());
            System.exit(2);
        }
        FakeIpvsTable table = new FakeIpvsTable();
        ThreadScheduler scheduler = ThreadScheduler.start("checker");
        CheckerOptions options = CheckerOptions.defaults();
        if (args.length > 1 && args[1].equals("ping")) {
            options = options.withPinger(PingHook.pinger().orElseThrow());
        }
        CheckerDaemon d = CheckerDaemon.start(r.config(), options, table, scheduler);
        Thread stdin = new Thread(() -> {
            try {
                System.in.read();
            } catch (java.io.IOException e) {
                // parent gone: stop as well
            }
            d.stop(false);
            System.exit(0);
        });
        stdin.setDaemon(true);
        stdin.start();
        String last = null;
        while (true) {
            String now = scheduler.call(() -> IpvsView.of(table.rules()), 5000).replace('\n', '|');
            if (!now.equals(last)) {
                System.out.println("IPVS " + now);
                System.out.flush();
                last = now;
            }
            Thread.sleep(20);
        }
    }

    private CheckerHarness() {
    }

    /** Where PING_CHECK's ICMP socket comes from, when the IT asks for it. */
    static final class PingHook {
        private PingHook() {
        }

        static Optional<org.jkeepalived.checkers.probe.EchoPinger> pinger() {
            return Optional.empty();
        }
    }
}
