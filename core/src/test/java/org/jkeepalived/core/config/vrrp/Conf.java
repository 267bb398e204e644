package org.jkeepalived.core.config.vrrp;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.GlobalDefsReader;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;

/** Reads keepalived.conf text through the language layer and the global + VRRP readers, for tests. */
final class Conf {
    final Diagnostics diagnostics = new Diagnostics();
    final GlobalDefs global;
    final VrrpConfig vrrp;

    private Conf(String text, HostInterfaces host) {
        List<ConfigNode> top = ConfigReader.read(text, "t.conf", Path.of("."), new ReaderOptions("host", false),
                diagnostics);
        global = GlobalDefsReader.read(top, diagnostics);
        vrrp = VrrpConfigReader.read(top, global, host, diagnostics);
    }

    /** Reads with interfaces eth0, eth1 and eth2 present. */
    static Conf of(String text) {
        return new Conf(text, Set.of("eth0", "eth1", "eth2", "lo")::contains);
    }

    static Conf of(String text, HostInterfaces host) {
        return new Conf(text, host);
    }

    VrrpInstance instance(String name) {
        return vrrp.instance(name).orElseThrow(() -> new AssertionError("no instance " + name + ": " + diags()));
    }

    List<Diagnostic> errors() {
        return of(Severity.ERROR);
    }

    List<Diagnostic> warnings() {
        return of(Severity.WARNING);
    }

    private List<Diagnostic> of(Severity s) {
        return diagnostics.all().stream().filter(x -> x.severity() == s).collect(Collectors.toList());
    }

    String diags() {
        return diagnostics.all().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
