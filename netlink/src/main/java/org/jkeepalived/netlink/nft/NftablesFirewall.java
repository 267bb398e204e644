package org.jkeepalived.netlink.nft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.vrrp.router.DropRule;
import org.jkeepalived.vrrp.router.VipFirewall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's nftables drop rules, applied by the {@code nft} command ({@code nft -f -}, one atomic batch per
 * change) on a thread of its own, so a slow or missing {@code nft} never holds up the VRRP scheduler; batches run
 * in the order they were asked for. A batch that fails is logged with nft's message and the daemon goes on, as
 * keepalived goes on when a netlink firewall command fails.
 */
public final class NftablesFirewall implements VipFirewall {
    private static final Logger LOG = LoggerFactory.getLogger(NftablesFirewall.class);
    private static final long TIMEOUT_SECONDS = 10;

    /** Runs one nft batch. */
    @FunctionalInterface
    public interface Batch {
        /** Applies {@code script}; throws with nft's message when it fails. */
        void apply(String script) throws IOException;
    }

    private final NftRuleset ruleset = new NftRuleset();
    private final Batch batch;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nftables");
        t.setDaemon(true);
        return t;
    });

    public NftablesFirewall(Batch batch) {
        this.batch = batch;
    }

    /** A firewall that runs the {@code nft} command found on the PATH. */
    public static NftablesFirewall withNftCommand() {
        return new NftablesFirewall(NftablesFirewall::runNft);
    }

    @Override
    public synchronized void setDropRule(DropRule rule) {
        submit(rule.instance(), "setting firewall drop rule", ruleset.set(rule));
    }

    @Override
    public synchronized void removeDropRule(DropRule rule) {
        submit(rule.instance(), "removing firewall drop rule", ruleset.remove(rule));
    }

    /** Deletes the tables and waits (a bounded time) for every batch to finish. */
    @Override
    public void close() {
        synchronized (this) {
            submit(null, "deleting the nftables tables", ruleset.teardown());
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("nftables: batches still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(String instance, String what, String script) {
        if (script.isEmpty()) {
            return;
        }
        thread.execute(() -> {
            try {
                batch.apply(script);
            } catch (IOException e) {
                LOG.error("{}{} failed: {}", instance == null ? "" : "(" + instance + ") ", what, e.getMessage());
            }
        });
    }

    /** {@code nft -f -} with the script on its standard input; its standard error becomes the exception's message. */
    static void runNft(String script) throws IOException {
        Process p = new ProcessBuilder("nft", "-f", "-").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream o = p.getInputStream()) {
            o.transferTo(out);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("nft did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted waiting for nft");
        }
        if (p.exitValue() != 0) {
            String msg = out.toString(StandardCharsets.UTF_8).strip().replace('\n', ' ');
            throw new IOException("nft exited " + p.exitValue() + (msg.isEmpty() ? "" : ": " + msg));
        }
    }
}
