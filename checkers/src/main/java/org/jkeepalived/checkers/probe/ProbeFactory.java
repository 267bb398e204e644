package org.jkeepalived.checkers.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.check.BfdCheck;
import org.jkeepalived.core.config.lvs.check.Checker;
import org.jkeepalived.core.config.lvs.check.CheckerCommon;
import org.jkeepalived.core.config.lvs.check.DnsCheck;
import org.jkeepalived.core.config.lvs.check.FileCheck;
import org.jkeepalived.core.config.lvs.check.HttpGetCheck;
import org.jkeepalived.core.config.lvs.check.MiscCheck;
import org.jkeepalived.core.config.lvs.check.PingCheck;
import org.jkeepalived.core.config.lvs.check.SmtpCheck;
import org.jkeepalived.core.config.lvs.check.TcpCheck;
import org.jkeepalived.core.config.lvs.check.UdpCheck;
import org.jkeepalived.core.config.vrrp.VrrpTrackFile;

/** Builds the {@link Probe} for each configured checker of a real server. */
public final class ProbeFactory {
    private final ProbeReactor reactor;
    private final Executor launcher;
    private final SSLContext ssl;
    private final Map<String, VrrpTrackFile> trackFiles;
    private final Optional<EchoPinger> pinger;
    private final Function<MiscCheck, List<String>> miscArgv;

    /**
     * @param launcher   forks MISC_CHECK scripts
     * @param trackFiles the {@code track_file} blocks by name, for FILE_CHECK
     * @param pinger     ICMP echo for PING_CHECK; empty where no ICMP socket can be had (the check then fails)
     * @param miscArgv   the argv that runs a MISC_CHECK's script (its user and script security applied)
     */
    public ProbeFactory(ProbeReactor reactor, Executor launcher, SSLContext ssl, Map<String, VrrpTrackFile> trackFiles,
                        Optional<EchoPinger> pinger, Function<MiscCheck, List<String>> miscArgv) {
        this.reactor = reactor;
        this.launcher = launcher;
        this.ssl = ssl;
        this.trackFiles = Map.copyOf(trackFiles);
        this.pinger = pinger;
        this.miscArgv = miscArgv;
    }

    /** As above, each MISC_CHECK script exec'd as this process (its words, no user change). */
    public ProbeFactory(ProbeReactor reactor, Executor launcher, SSLContext ssl, Map<String, VrrpTrackFile> trackFiles,
                        Optional<EchoPinger> pinger) {
        this(reactor, launcher, ssl, trackFiles, pinger, m -> m.script().words());
    }

    /** The probe for {@code c} on real server {@code rs} of {@code vs}. */
    public Probe create(Checker c, VirtualServer vs, RealServer rs) {
        CheckerCommon k = c.common();
        Endpoint e = Endpoint.of(k, rs.address(), rs.port());
        if (c instanceof TcpCheck) {
            return TcpProbes.connect(reactor, e);
        }
        if (c instanceof HttpGetCheck h) {
            Optional<String> vhost = h.virtualhost().or(rs::virtualhost).or(vs::virtualhost);
            Supplier<SSLEngine> tls = h.ssl()
                    ? () -> SslContexts.engine(ssl, h.enableSni() ? vhost : Optional.empty()) : null;
            return new HttpProbe(reactor, e, h, vhost, tls);
        }
        if (c instanceof MiscCheck m) {
            return new MiscProbe(miscArgv.apply(m), m.effectiveTimeout(), m.dynamic(), rs.weight(), launcher);
        }
        if (c instanceof SmtpCheck s) {
            List<Probe> hosts = s.hosts().isEmpty() ? List.of(TcpProbes.smtp(reactor, e, s.heloName()))
                    : s.hosts().stream().map(hk -> TcpProbes.smtp(reactor, Endpoint.of(hk, rs.address(), rs.port()),
                    s.heloName())).toList();
            return all(hosts);
        }
        if (c instanceof DnsCheck d) {
            return TcpProbes.dns(reactor, e, d);
        }
        if (c instanceof UdpCheck u) {
            return TcpProbes.udp(reactor, e, u);
        }
        if (c instanceof PingCheck) {
            return pinger.<Probe>map(p -> done -> p.ping(e.connect().getAddress(), e.timeout(), done))
                    .orElse(done -> done.accept(ProbeResult.failed("no ICMP socket")));
        }
        if (c instanceof FileCheck f) {
            VrrpTrackFile t = trackFiles.get(f.trackFile());
            if (t == null) {
                return done -> done.accept(ProbeResult.failed("unknown track_file " + f.trackFile()));
            }
            return new FileProbe(Path.of(t.file()), f.weight().orElse(t.weight()), f.reverse() || t.weightReverse(),
                    rs.weight());
        }
        if (c instanceof BfdCheck) {
            // No BFD here: a BFD_CHECK never fails, so it neither holds a server down nor brings it up.
            return done -> done.accept(ProbeResult.ok());
        }
        throw new IllegalArgumentException("unknown checker " + c.kind());
    }

    /** Runs {@code probes} one after another; all must pass (SMTP_CHECK's host blocks). */
    static Probe all(List<Probe> probes) {
        return done -> step(probes, 0, done);
    }

    private static void step(List<Probe> probes, int i, Consumer<ProbeResult> done) {
        if (i == probes.size()) {
            done.accept(ProbeResult.ok());
            return;
        }
        probes.get(i).run(r -> {
            if (r.success()) {
                step(probes, i + 1, done);
            } else {
                done.accept(r);
            }
        });
    }
}
