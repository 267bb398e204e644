package org.jkeepalived.watchdog.checkers;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.LvsArguments;
import org.jkeepalived.core.config.lvs.Protocol;
import org.jkeepalived.ipvs.Destination;
import org.jkeepalived.ipvs.ServiceKey;
import org.jkeepalived.ipvs.VirtualService;
import org.jkeepalived.ipvs.genl.GenlIpvsTable;

/**
 * The VM's IPVS table seen two ways for {@link CheckerVmScenario}: {@code ipvsadm} and our own generic-netlink dump
 * written in ipvsadm's {@code -S} form, saved side by side per step into the shared folder.
 */
final class TableViews {
    private final GenlIpvsTable table;

    TableViews(GenlIpvsTable table) {
        this.table = table;
    }

    /**
     * The kernel's table through GenlIpvsTable, in the form of {@code ipvsadm -Sn} (which leaves thresholds out:
     * {@code ipvsadm -Ln --thresholds} shows them), one rule a line, sorted.
     */
    String ownDump() throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (VirtualService v : table.rules().services().values()) {
            String key = key(v.key());
            String persist = v.service().persistenceTimeout() > 0 ? " -p " + v.service().persistenceTimeout() : "";
            lines.add("-A " + key + " -s " + v.service().scheduler() + persist);
            for (Destination d : v.destinations()) {
                String method = switch (d.forwarding().method()) {
                    case NAT -> "-m";
                    case DR -> "-g";
                    case TUN -> "-i";
                };
                String tunnel = d.forwarding().method() == Forwarding.Method.TUN
                        ? " --tun-type " + d.forwarding().tunnelType().name().toLowerCase(Locale.ROOT) : "";
                String host = LvsArguments.text(d.address());
                lines.add("-a " + key + " -r " + (d.address() instanceof Inet6Address ? "[" + host + "]" : host)
                        + ":" + d.port() + " " + method + " -w " + d.weight() + tunnel);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String key(ServiceKey k) {
        if (k instanceof ServiceKey.Fwmark f) {
            return "-f " + f.mark();
        }
        ServiceKey.Inet i = (ServiceKey.Inet) k;
        return (i.protocol() == Protocol.UDP ? "-u " : i.protocol() == Protocol.SCTP ? "--sctp-service " : "-t ")
                + LvsArguments.format(i.address(), i.port());
    }

    /** Saves ipvsadm -Sn, ipvsadm -Ln with {@code extra} and our own dump as STEP.txt. */
    void save(String step, String... extra) throws Exception {
        List<String> ln = new ArrayList<>(List.of("ipvsadm"));
        ln.addAll(List.of(extra.length == 0 ? new String[] {"-Ln"} : extra));
        if (!ln.contains("-Ln")) {
            ln.add(1, "-Ln");
        }
        Files.writeString(Path.of(step + ".txt"), "=== ipvsadm -Sn\n" + command("ipvsadm", "-Sn")
                + "=== " + String.join(" ", ln) + "\n" + command(ln.toArray(String[]::new))
                + "=== own dump\n" + ownDump());
    }

    static String command(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

}
