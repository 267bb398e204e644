package org.jkeepalived.watchdog.status;

import java.time.Instant;
import java.util.List;
import org.jkeepalived.core.status.CheckerStatusSource;

/** What each child answers to the parent's {@link StatusDocument} queries. */
public final class ChildDocuments {
    private ChildDocuments() {
    }

    /** The VRRP child's answer; call on the router's scheduler thread ({@code nowNanos} from its clock). */
    public static String vrrp(StatusDocument d, List<InstanceView> instances, long nowNanos, Instant now) {
        return switch (d) {
            case METRICS -> {
                Exposition e = new Exposition();
                VrrpMetrics.render(instances, nowNanos, e);
                yield e.render();
            }
            case STATUS_JSON -> "{\"instances\":" + InstanceStatus.json(instances, nowNanos, now) + "}";
            case STATUS_TEXT -> InstanceStatus.text(instances, nowNanos, now);
        };
    }

    /** The checker child's answer. */
    public static String checkers(StatusDocument d, CheckerStatusSource source) {
        CheckerStatusSource.Snapshot s = source.snapshot();
        return switch (d) {
            case METRICS -> {
                Exposition e = new Exposition();
                CheckerMetrics.render(s, e);
                yield e.render();
            }
            case STATUS_JSON -> CheckerMetrics.json(s);
            case STATUS_TEXT -> s.realServers().isEmpty() ? "" : text(s);
        };
    }

    private static String text(CheckerStatusSource.Snapshot s) {
        StringBuilder b = new StringBuilder();
        for (CheckerStatusSource.RealServerHealth r : s.realServers()) {
            b.append("Real server ").append(r.realServer()).append(" of ").append(r.virtualServer()).append(": ")
                    .append(r.up() ? "UP" : "DOWN").append(", ").append(r.consecutiveFailures())
                    .append(" consecutive failure(s)\n");
        }
        return b.toString();
    }
}
