package org.jkeepalived.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.jkeepalived.core.config.HostFiles.Account;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.junit.jupiter.api.Test;

/**
 * Who owns a notify FIFO keepalived creates (keepalived 2.2.7 in a namespace: {@code notify_fifo F nobody
 * nogroup} and {@code vrrp_notify_fifo F nobody} gave nobody:nogroup; no user gave the script_user's uid:gid).
 */
class FifoOwnerTest {
    private final FakeHostFiles files = new FakeHostFiles().user("nobody", 65534, 65534).group("nogroup", 65534)
            .group("adm", 4).user("keepalived_script", 990, 990);

    private static GlobalDefs global(String body) {
        return ConfigLoader.load("global_defs {\n" + body + "\n}\n", "test.conf", Path.of("."),
                new LoadOptions("host", false, HostInterfaces.ANY)).config().global();
    }

    @Test
    void theUserNamedInItsGroupOrThePrimaryOne() {
        GlobalDefs g = global("");
        assertEquals(Optional.of(new Account(65534, 65534)),
                ScriptVerdict.owner(Optional.of("nobody"), Optional.empty(), g, files));
        assertEquals(Optional.of(new Account(65534, 4)),
                ScriptVerdict.owner(Optional.of("nobody"), Optional.of("adm"), g, files));
        assertEquals(Optional.empty(), ScriptVerdict.owner(Optional.of("ghost"), Optional.empty(), g, files));
    }

    @Test
    void withoutAUserTheDefaultScriptUser() {
        assertEquals(Optional.of(new Account(65534, 65534)),
                ScriptVerdict.owner(Optional.empty(), Optional.empty(), global("script_user nobody"), files));
        assertEquals(Optional.of(new Account(990, 990)),
                ScriptVerdict.owner(Optional.empty(), Optional.empty(), global(""), files));
        assertEquals(Optional.of(new Account(0, 0)), ScriptVerdict.owner(Optional.empty(), Optional.empty(),
                global(""), new FakeHostFiles()));
    }
}
