package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link IpvsTable} in step with the desired rules: the checker child calls {@link #sync} whenever the
 * configuration or the healthy set changes and {@link #stop} when it stops. It remembers what it applied so a
 * sync costs no dump; after a refusal it reads the kernel's table again next time. Not thread-safe beyond its
 * synchronized methods; the table's own calls happen under the keeper's lock.
 */
public final class TableKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(TableKeeper.class);
    private final IpvsTable table;
    private IpvsRules owned = IpvsRules.empty();
    private IpvsRules known;

    public TableKeeper(IpvsTable table) {
        this.table = table;
    }

    /**
     * Applies the difference between the table and {@code desired} and returns what the kernel refused (logged
     * at warning). Throws only when the table cannot be read at all.
     */
    public synchronized List<Reconciler.Failure> sync(IpvsRules desired) throws IOException {
        IpvsRules current = known != null ? known : table.rules();
        List<IpvsOperation> ops = Reconciler.plan(current, owned, desired);
        for (IpvsOperation op : ops) {
            LOG.debug("IPVS: {}", op);
        }
        List<Reconciler.Failure> failures = Reconciler.apply(table, ops);
        for (Reconciler.Failure f : failures) {
            LOG.warn("IPVS: {}", f);
        }
        known = failures.isEmpty() ? expected(current, desired) : null;
        owned = desired;
        return failures;
    }

    /** Removes every service this keeper put in place, unless {@code keepRules} ({@code -I}); forgets them. */
    public synchronized List<Reconciler.Failure> stop(boolean keepRules) throws IOException {
        List<Reconciler.Failure> failures = List.of();
        if (!keepRules && owned.size() > 0) {
            IpvsRules current = known != null ? known : table.rules();
            failures = Reconciler.apply(table, Reconciler.planRemoval(current, owned));
            for (Reconciler.Failure f : failures) {
                LOG.warn("IPVS: {}", f);
            }
        }
        owned = IpvsRules.empty();
        known = null;
        return failures;
    }

    /** The rules last passed to {@link #sync}. */
    public synchronized IpvsRules owned() {
        return owned;
    }

    /** Forgets the remembered kernel state so the next sync reads the table (e.g. after someone ran ipvsadm). */
    public synchronized void invalidate() {
        known = null;
    }

    private IpvsRules expected(IpvsRules current, IpvsRules desired) {
        List<VirtualService> out = new ArrayList<>();
        for (VirtualService s : current.services().values()) {
            if (desired.service(s.key()) == null && owned.service(s.key()) == null) {
                out.add(s); // someone else's service: left alone
            }
        }
        out.addAll(desired.services().values());
        return IpvsRules.of(out);
    }
}
