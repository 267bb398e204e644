package org.jkeepalived.checkers.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.checkers.policy.Configs;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.check.MiscCheck;
import org.junit.jupiter.api.Test;

/** MISC_CHECK scripts vetted as keepalived 2.2.7's checker process does (log lines from its output). */
class MiscScriptsTest {
    private final FakeHostFiles host = new FakeHostFiles();
    private final List<String> log = new ArrayList<>();

    private static KeepalivedConfig conf(String global, String... checks) {
        StringBuilder b = new StringBuilder(global).append("virtual_server 192.0.2.1 80 {\n protocol TCP\n"
                + " lvs_sched rr\n lvs_method NAT\n");
        int host = 2;
        for (String c : checks) {
            b.append(" real_server 192.0.2.").append(host++).append(" 80 {\n").append(c).append(" }\n");
        }
        return Configs.parse(b.append("}\n").toString());
    }

    private static String misc(String path, String more) {
        return "  MISC_CHECK {\n   misc_path \"" + path + "\"\n" + more + "  }\n";
    }

    private MiscScripts.Vetted vet(KeepalivedConfig c) {
        return MiscScripts.vet(c, s -> ScriptVerdict.of(s, c.global(), host), 0, 0, log::add);
    }

    private static List<Integer> checkerCounts(MiscScripts.Vetted v) {
        return v.config().lvs().virtualServers().get(0).realServers().stream().map(rs -> rs.checkers().size())
                .toList();
    }

    private static final String SECURE = "global_defs {\n enable_script_security\n script_user root\n}\n";

    @Test
    void insecureAndMissingScriptsAreRemovedUnderScriptSecurity() {
        MiscScripts.Vetted v = vet(conf(SECURE, misc("/opt/open/check.sh arg", ""),
                misc("/opt/nonexist.sh", "") + misc("/usr/bin/true", ""), misc("/opt/check.sh", "")));
        assertEquals(List.of(
                "Unsafe permissions found for script '/opt/open/check.sh' - disabling.",
                "Disabling misc script '/opt/open/check.sh' 'arg' due to insecure",
                "Disabling misc script '/opt/nonexist.sh' since not found/accessible"), log.subList(0, 3));
        // the real server keeps its other checkers; with none it is as if it had never had one
        assertEquals(List.of(0, 1, 1), checkerCounts(v));
        MiscCheck kept = (MiscCheck) v.config().lvs().virtualServers().get(0).realServers().get(2).checkers().get(0);
        assertEquals(List.of("/opt/check.sh"), v.argv().get(kept));
    }

    @Test
    void aScriptRunsAsItsOwnUserThroughSetpriv() {
        MiscScripts.Vetted v = vet(conf(SECURE, misc("/opt/check.sh x", "   user nobody\n")));
        RealServer rs = v.config().lvs().virtualServers().get(0).realServers().get(0);
        assertEquals(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "/opt/check.sh",
                "x"), v.argv().get((MiscCheck) rs.checkers().get(0)));
        assertEquals(List.of(), log);
    }

    @Test
    void anUnknownUserRemovesTheChecker() {
        MiscScripts.Vetted v = vet(conf(SECURE, misc("/usr/bin/true", "   user nosuchuser\n")));
        assertEquals(List.of("Script user 'nosuchuser' does not exist",
                "Failed to set uid/gid for misc checker script '/usr/bin/true' - removing"), log);
        assertEquals(List.of(0), checkerCounts(v));
    }

    @Test
    void scriptSecurityWithoutAnyScriptUserRemovesScriptsWithoutTheirOwnUser() {
        MiscScripts.Vetted v = vet(conf("global_defs {\n enable_script_security\n}\n", misc("/usr/bin/true", ""),
                misc("/opt/check.sh", "")));
        assertEquals(List.of("Script user 'keepalived_script' does not exist",
                "Unable to set default user keepalived_script for script",
                "Unable to set default user for misc script '/usr/bin/true' - removing",
                "Unable to set default user for misc script '/opt/check.sh' - removing"), log);
        assertEquals(List.of(0, 0), checkerCounts(v));
    }

    @Test
    void withoutScriptSecurityAnInsecureScriptRunsButANonExecutableOneDoesNot() {
        MiscScripts.Vetted v = vet(conf("", misc("/opt/open/check.sh", ""), misc("/opt/plain.txt", "")));
        assertEquals(List.of("WARNING - script '/opt/plain.txt' is not executable for uid:gid 0:0 - disabling.",
                "SECURITY VIOLATION - check scripts are being executed but script_security not enabled."), log);
        assertEquals(List.of(1, 0), checkerCounts(v));
    }

    @Test
    void aFileOpenTestRunsThroughTheShell() {
        MiscScripts.Vetted v = vet(conf(SECURE, misc("</opt/check.sh", "")));
        RealServer rs = v.config().lvs().virtualServers().get(0).realServers().get(0);
        assertEquals(List.of("/bin/sh", "-c", "</opt/check.sh"), v.argv().get((MiscCheck) rs.checkers().get(0)));
    }
}
