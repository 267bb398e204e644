package org.jkeepalived.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScriptSecurityTest {
    private static final String INSTANCE = """
            vrrp_instance VI_1 {
              interface eth0
              virtual_router_id 51
              priority 100
              virtual_ipaddress {
                192.0.2.1
              }
            %s
            }
            """;

    private final FakeHostFiles host = new FakeHostFiles()
            .program("/usr/bin/killall")
            .program("/usr/bin/true")
            .file("/usr/bin/notexec", 0, 0, 0644)
            .dir("/opt", 0, 0, 0755)
            .dir("/opt/open", 1000, 1000, 0777)
            .program("/opt/open/check.sh")
            .program("/opt/check.sh");

    private List<String> load(String text) {
        LoadOptions o = new LoadOptions("host", false, name -> true, Optional.of(host));
        return ConfigLoader.load(text, "t.conf", Path.of("."), o).diagnostics().stream()
                .map(Diagnostic::toString).collect(Collectors.toList());
    }

    private static String instance(String body) {
        return INSTANCE.formatted(body);
    }

    @Test
    void rootScriptWithoutScriptSecurityIsASecurityViolationAtTheFirstScript() {
        List<String> d = load("vrrp_script chk {\n script \"</dev/tcp/127.0.0.1/80\"\n}\n"
                + "vrrp_script chk_sshd {\n script \"killall -0 sshd\"\n}\n" + instance(" track_script {\n chk\n }"));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("t.conf:4: warning: SECURITY VIOLATION - scripts are being executed but"
                + " script_security not enabled."), d.get(0));
    }

    @Test
    void shellRedirectTestsAndMissingNotifyScriptsRunNothing() {
        assertEquals(List.of(), load("vrrp_script chk {\n script \"</dev/tcp/127.0.0.1/80\"\n}\n"
                + instance(" notify_master \"/usr/local/bin/vrrp.sh MASTER\"\n notify_backup nosuch\n"
                + " track_script {\n chk\n }")));
    }

    @Test
    void missingTrackScriptIsAnError() {
        List<String> d = load("vrrp_script chk {\n script \"/nonexistent/x.sh\"\n}\n" + instance(""));
        assertEquals(List.of("t.conf:1: error: vrrp_script: (chk) disabling track script since /nonexistent/x.sh"
                + " is not found/accessible"), d);
        // A bare name must be an executable regular file on the search path.
        d = load("vrrp_script chk {\n script \"notexec arg\"\n}\n" + instance(""));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).contains("not found"), d.get(0));
    }

    @Test
    void scriptsAreNotCheckedWithoutTheProcessThatRunsThem() {
        assertEquals(List.of(), load("vrrp_script chk {\n script /nonexistent\n}\n"
                + "global_defs {\n notify_fifo /run/f\n notify_fifo_script /usr/bin/true\n}\n"));
    }

    @Test
    void insecureTrackScriptUnderScriptSecurityIsAnErrorButANotifyScriptIsDroppedSilently() {
        String global = "global_defs {\n enable_script_security\n script_user root\n}\n";
        List<String> d = load(global + "vrrp_script chk {\n script /opt/open/check.sh\n}\n" + instance(""));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("t.conf:5: error: vrrp_script: (chk) disabling track script due to insecure"
                + " permissions of /opt/open"), d.get(0));
        assertEquals(List.of(), load(global + instance(" notify_master /opt/open/check.sh")));
        assertEquals(List.of(), load(global + "vrrp_script chk {\n script /opt/check.sh\n}\n" + instance("")));
    }

    @Test
    void insecureScriptWithoutScriptSecuritySaysSo() {
        List<String> d = load(instance(" notify_master /opt/open/check.sh"));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).contains("not enabled. There are insecure scripts."), d.get(0));
    }

    @Test
    void stickyDirectoryIsSafeButAFileOwnedByAnotherUserIsNot() {
        String global = "global_defs {\n enable_script_security\n script_user root\n}\n";
        host.program("/tmp/ok.sh").file("/tmp/theirs.sh", 1000, 0, 0755);
        assertEquals(List.of(), load(global + "vrrp_script a {\n script /tmp/ok.sh\n}\n" + instance("")));
        List<String> d = load(global + "vrrp_script b {\n script /tmp/theirs.sh\n}\n" + instance(""));
        assertTrue(d.get(0).contains("permissions of /tmp/theirs.sh"), d.toString());
    }

    @Test
    void symlinkIsCheckedUnderBothNames() {
        String global = "global_defs {\n enable_script_security\n script_user root\n}\n";
        host.dir("/opt/open/real", 0, 0, 0755).program("/opt/open/real/impl").link("/usr/bin/alias",
                "/opt/open/real/impl");
        List<String> d = load(global + "vrrp_script a {\n script alias\n}\n" + instance(""));
        assertTrue(d.get(0).contains("permissions of /opt/open"), d.toString());
    }

    @Test
    void scriptSecurityWithoutAnyScriptUserCannotRunScripts() {
        List<String> d = load("global_defs {\n enable_script_security\n}\n"
                + "vrrp_script chk {\n script /usr/bin/true\n}\n" + instance(" notify_master /usr/bin/true"));
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("t.conf:4: error: enable_script_security is set but there is no script_user"
                + " and no user keepalived_script"), d.get(0));
        assertTrue(d.get(1).contains("(chk) cannot set the user"), d.get(1));
        // A script with its own user still runs.
        assertEquals(List.of(), load("global_defs {\n enable_script_security\n}\n"
                + instance(" notify_master /usr/bin/true root")));
    }

    @Test
    void theKeepalivedScriptUserIsTheDefault() {
        host.user("keepalived_script", 990, 990);
        // Not root: the open directory does not matter, but without script security it is still a violation.
        assertEquals(List.of(), load("global_defs {\n enable_script_security\n}\n"
                + "vrrp_script chk {\n script /opt/open/check.sh\n}\n" + instance("")));
        assertEquals(1, load(instance(" notify_master /usr/bin/true")).size());
    }

    @Test
    void unknownScriptUserIsAnError() {
        List<String> d = load("global_defs {\n script_user nosuchuser\n}\n" + instance(""));
        assertEquals(List.of("t.conf:1: error: script_user: cannot set the global script uid/gid: user nosuchuser"
                + " does not exist"), d);
        d = load("vrrp_script chk {\n script /usr/bin/true\n user nosuchuser\n}\n" + instance(""));
        assertTrue(d.get(0).contains("(chk) cannot set the user"), d.toString());
        // An unknown user on a notify script only drops that script.
        assertEquals(List.of(), load(instance(" notify_master /usr/bin/true nosuchuser")));
    }

    @Test
    void checkerAndStartupScriptsAreReportedByTheirOwnProcess() {
        List<String> d = load("""
                virtual_server 192.0.2.1 80 {
                  protocol TCP
                  lb_algo rr
                  lb_kind NAT
                  quorum_up "/nonexistent up"
                  real_server 192.0.2.2 80 {
                    MISC_CHECK {
                      misc_path "/usr/bin/true x"
                    }
                  }
                }
                """);
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("t.conf:8: warning: SECURITY VIOLATION - check scripts are being executed"),
                d.get(0));
        d = load("global_defs {\n startup_script /usr/bin/true\n}\n");
        assertTrue(d.get(0).contains("SECURITY VIOLATION - start/shutdown scripts are being executed"), d.toString());
    }
}
