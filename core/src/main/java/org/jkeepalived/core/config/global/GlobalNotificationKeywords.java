package org.jkeepalived.core.config.global;

import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.ScriptCommand;

/** The global_defs keywords about mail, identity, scripts and notify FIFOs. */
final class GlobalNotificationKeywords {
    private GlobalNotificationKeywords() {
    }

    static void register(KeywordTable<GlobalDefsBuilder> t) {
        t.on("router_id", (b, n, d) -> Arguments.string(n, 0, "router_id", d).ifPresent(v -> b.routerId = v));
        t.on("notification_email", (b, n, d) -> {
            for (ConfigNode c : n.children()) {
                b.emails.add(c.keyword());
                if (!c.args().isEmpty()) {
                    // keepalived takes every word of the block as an address
                    b.emails.addAll(c.args());
                }
            }
            for (String a : n.args()) {
                b.emails.add(a);
            }
        });
        t.on("notification_email_from", (b, n, d) -> Arguments.string(n, 0, "address", d)
                .ifPresent(v -> b.emailFrom = v));
        t.on("smtp_server", GlobalNotificationKeywords::smtpServer);
        t.on("smtp_helo_name", (b, n, d) -> Arguments.string(n, 0, "name", d).ifPresent(v -> b.smtpHeloName = v));
        t.on("smtp_connect_timeout", (b, n, d) -> {
            var v = Arguments.integer(n, 0, 0, Integer.MAX_VALUE, d);
            if (v.isPresent()) {
                if (v.getAsInt() == 0) {
                    d.warning(n, "must be greater than 0, using 1");
                }
                b.smtpConnectTimeout = java.time.Duration.ofSeconds(Math.max(1, v.getAsInt()));
            }
        });
        t.on("smtp_alert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.smtpAlert = v));
        t.on("smtp_alert_vrrp", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.smtpAlertVrrp = v));
        t.on("smtp_alert_checker", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.smtpAlertChecker = v));
        t.on("no_email_faults", (b, n) -> b.noEmailFaults = true);
        t.on("checker_log_all_failures", (b, n, d) -> Arguments.bool(n, d)
                .ifPresent(v -> b.checkerLogAllFailures = v));
        t.on("script_user", (b, n, d) -> Arguments.string(n, 0, "user name", d).ifPresent(u -> {
            b.scriptUser = u;
            b.scriptGroup = n.arg(1);
        }));
        t.on("enable_script_security", (b, n) -> b.enableScriptSecurity = true);
        fifo(t, "notify_fifo", b -> b.notifyFifo);
        fifo(t, "vrrp_notify_fifo", b -> b.vrrpNotifyFifo);
        fifo(t, "lvs_notify_fifo", b -> b.lvsNotifyFifo);
        t.on("fifo_write_vrrp_states_on_reload", (b, n) -> b.fifoWriteVrrpStatesOnReload = true);
        t.on("startup_script", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.startupScript = s));
        t.on("shutdown_script", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.shutdownScript = s));
        t.on("startup_script_timeout", (b, n, d) -> GlobalDefsReader.wholeSeconds(n, 0, 1, 1000, d)
                .ifPresent(v -> b.startupScriptTimeout = v));
        t.on("shutdown_script_timeout", (b, n, d) -> GlobalDefsReader.wholeSeconds(n, 0, 1, 1000, d)
                .ifPresent(v -> b.shutdownScriptTimeout = v));
    }

    private static void fifo(KeywordTable<GlobalDefsBuilder> t, String keyword,
                             java.util.function.Function<GlobalDefsBuilder, GlobalDefsBuilder.Fifo> which) {
        t.on(keyword, (b, n, d) -> Arguments.string(n, 0, "FIFO name", d).ifPresent(name -> {
            GlobalDefsBuilder.Fifo f = which.apply(b);
            f.name = name;
            f.user = n.arg(1);
            f.group = n.arg(2);
            Arguments.atMost(n, 3, d);
        }));
        t.on(keyword + "_script", (b, n, d) -> ScriptCommand.parse(n, 0, d)
                .ifPresent(s -> which.apply(b).script = s));
    }

    private static void smtpServer(GlobalDefsBuilder b, ConfigNode n, Diagnostics d) {
        String host = n.arg(0);
        if (host == null) {
            d.error(n, "missing server address");
            return;
        }
        int port = SmtpServer.DEFAULT_PORT;
        if (n.arg(1) != null) {
            var p = Arguments.integer(n, 1, 1, 65535, d);
            if (p.isEmpty()) {
                return;
            }
            port = p.getAsInt();
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        b.smtpServer = new SmtpServer(host, port);
    }
}
