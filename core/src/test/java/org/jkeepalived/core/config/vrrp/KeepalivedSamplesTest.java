package org.jkeepalived.core.config.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jkeepalived.core.config.HostInterfaces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The VRRP samples shipped with keepalived 2.2.7 (read from the installed package, not copied) give
 * no error when every interface exists, except where keepalived 2.2.7 itself reports one (checked with
 * {@code keepalived -t -l -f SAMPLE} in a namespace with the sample's interfaces): the errors expected
 * here name the lines keepalived names.
 */
class KeepalivedSamplesTest {
    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    static Stream<String> samples() {
        return Stream.of("keepalived.conf.vrrp", "keepalived.conf.vrrp.localcheck", "keepalived.conf.vrrp.lvs_syncd",
                "keepalived.conf.vrrp.routes", "keepalived.conf.vrrp.rules", "keepalived.conf.vrrp.scripts",
                "keepalived.conf.vrrp.static_ipaddress", "keepalived.conf.vrrp.sync", "keepalived.conf.sample",
                "keepalived.conf.IPv6", "keepalived.conf.track_interface", "keepalived.conf.conditional_conf");
    }

    /** Lines keepalived reports as dropping something, per sample. */
    private static final Map<String, List<Integer>> KEEPALIVED_ERRORS = Map.of(
            // "Sync group VG1 has no virtual router(s). removing" (members written without group { })
            "keepalived.conf.vrrp.lvs_syncd", List.of(3),
            // "VRRP parsed invalid IP 192.168.100./24": the rule is dropped
            "keepalived.conf.vrrp.rules", List.of(11, 26),
            // without -i, the @high/@low script lines are skipped: "No script set for vrrp_script"
            "keepalived.conf.conditional_conf", List.of(6));

    @ParameterizedTest
    @MethodSource("samples")
    void sampleHasOnlyTheErrorsKeepalivedReports(String name) throws IOException {
        Path p = SAMPLES.resolve(name);
        assumeTrue(Files.isReadable(p), "keepalived samples not installed");
        Conf c = Conf.of(Files.readString(p), HostInterfaces.ANY);
        List<Integer> lines = c.errors().stream().map(e -> e.location().line()).collect(Collectors.toList());
        assertEquals(KEEPALIVED_ERRORS.getOrDefault(name, List.of()), lines, c.diags());
    }
}
