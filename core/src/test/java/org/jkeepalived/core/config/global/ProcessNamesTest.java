package org.jkeepalived.core.config.global;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;
import org.junit.jupiter.api.Test;

class ProcessNamesTest {
    private final Diagnostics d = new Diagnostics();

    private ProcessNames names(String globals) {
        List<ConfigNode> top = ConfigReader.read("global_defs {\n" + globals + "}\n", "g.conf", Path.of("."),
                new ReaderOptions("host", false), d);
        ProcessNames n = ProcessNames.of(GlobalDefsReader.read(top, d));
        assertEquals(List.of(), d.all());
        return n;
    }

    @Test
    void noKeywordKeepsEveryName() {
        assertEquals(new ProcessNames(Optional.empty(), Optional.empty(), Optional.empty()), names(""));
    }

    @Test
    void processNamesGivesKeepalivedsDefaultsAndAnOwnNameWins() {
        // checked with keepalived 2.2.7: process_names + vrrp_process_name myvrrp -> parent "keepalived",
        // VRRP child "myvrrp" (comm only; the command line stays as started)
        assertEquals(new ProcessNames(Optional.of("keepalived"), Optional.of("myvrrp"), Optional.of("keepalived_ipvs")),
                names(" process_names\n vrrp_process_name myvrrp\n"));
    }

    @Test
    void eachNameOnItsOwn() {
        assertEquals(new ProcessNames(Optional.of("lb"), Optional.empty(), Optional.of("lbcheck")),
                names(" process_name lb\n checker_process_name lbcheck\n"));
    }
}
