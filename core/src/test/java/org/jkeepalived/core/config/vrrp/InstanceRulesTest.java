package org.jkeepalived.core.config.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each case was run through keepalived 2.2.7 -t; the message is the one it printed. */
class InstanceRulesTest {
    private static final String AUTH_PASS = "\\n authentication {\\n  auth_type PASS\\n  auth_pass secret\\n }";
    private static final String AUTH_AH = "\\n authentication {\\n  auth_type AH\\n  auth_pass secret\\n }";

    private static Conf conf(boolean strict, String body, String vip) {
        return Conf.of((strict ? "global_defs {\n vrrp_strict\n}\n" : "") + "vrrp_instance VI_1 {\n interface eth0\n"
                + " virtual_router_id 51\n" + body + "\n virtual_ipaddress {\n  " + vip + "\n }\n}\n");
    }

    private static Diagnostic only(Conf c) {
        List<Diagnostic> all = c.diagnostics.all();
        assertEquals(1, all.size(), c.diags());
        return all.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "strict + authentication | true | priority 100" + AUTH_PASS + " | 192.0.2.1 | Strict mode does not support authentication",
        "strict + MASTER not owner | true | state MASTER\\n priority 100 | 192.0.2.1 | State MASTER must match being address owner",
        "strict + BACKUP owner | true | state BACKUP\\n priority 255 | 192.0.2.1 | State MASTER must match being address owner",
        "strict + IPv6 + version 2 | true | priority 100\\n version 2 | fe80::1 | cannot use IPv6 with VRRP version 2",
        "strict + global IPv6 VIP first | true | priority 100 | 2001:db8::1 | the first IPv6 VIP address must be link local",
        "version 3 + authentication | false | priority 100\\n version 3" + AUTH_PASS + " | 192.0.2.1 | VRRP version 3 does not support authentication",
        "IPv6 + AH | false | priority 100" + AUTH_AH + " | fe80::1 | VRRP version 3 does not support authentication",
        "AH + MASTER | false | state MASTER\\n priority 100" + AUTH_AH + " | 192.0.2.1 | Initial state master is incompatible with AH authentication",
        "strict + preempt_delay | true | priority 100\\n preempt_delay 5 | 192.0.2.1 | preempt_delay is incompatible with strict mode",
        "MASTER + preempt_delay | false | state MASTER\\n priority 100\\n preempt_delay 5 | 192.0.2.1 | preempt delay will not work with initial state MASTER",
        "nopreempt + preempt_delay | false | priority 100\\n nopreempt\\n preempt_delay 5 | 192.0.2.1 | preempt_delay is incompatible with nopreempt mode",
        "strict + accept v2 | true | priority 100\\n accept | 192.0.2.1 | accept mode for VRRP version 2 does not comply with RFC3768",
        "strict + garp repeat | true | priority 100\\n garp_lower_prio_repeat 2 | 192.0.2.1 | Strict mode requires no repeat garps",
        "strict + garp delay | false | priority 100\\n strict_mode on\\n garp_lower_prio_delay 5 | 192.0.2.1 | Strict mode requires no repeat garp delay",
        "strict + lower prio advert | true | priority 100\\n lower_prio_no_advert false | 192.0.2.1 | Strict mode requires no lower priority advert",
        "strict + higher prio advert | true | priority 100\\n higher_prio_send_advert | 192.0.2.1 | strict mode requires higher_prio_send_advert to be clear",
        "strict + vmac_xmit_base | true | priority 100\\n use_vmac\\n vmac_xmit_base | 192.0.2.1 | xmit_base is incompatible with strict mode",
        "instance strict_mode + authentication | false | priority 100\\n strict_mode" + AUTH_PASS + " | 192.0.2.1 | Strict mode does not support authentication",
    })
    void keepalivedRejects(String name, boolean strict, String body, String vip, String message) {
        Diagnostic d = only(conf(strict, body.replace("\\n", "\n"), vip));
        assertTrue(d.message().contains(message), d.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "strict alone | true | priority 100 | 192.0.2.1",
        "strict owner | true | priority 255 | 192.0.2.1",
        "strict MASTER without priority is the owner | true | state MASTER | 192.0.2.1",
        "strict unicast peers pass -t | true | priority 100\\n unicast_peer {\\n  192.0.2.9\\n }| 192.0.2.1",
        "strict v3 accept | true | priority 100\\n version 3\\n accept | 192.0.2.1",
        "IPv6 v2 without strict | false | priority 100\\n version 2 | 2001:db8::1",
        "AH MASTER owner | false | state MASTER\\n priority 255" + AUTH_AH + " | 192.0.2.1",
        "AH MASTER without priority | false | state MASTER" + AUTH_AH + " | 192.0.2.1",
    })
    void keepalivedAccepts(String name, boolean strict, String body, String vip) {
        Conf c = conf(strict, body.replace("\\n", "\n"), vip);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
    }

    @Test
    void stateAndPriorityAreDerivedFromEachOther() {
        assertEquals(255, conf(false, "state MASTER", "192.0.2.1").instance("VI_1").priority());
        assertEquals(VrrpState.MASTER, conf(false, "priority 255", "192.0.2.1").instance("VI_1").initialState());
        assertEquals(VrrpState.BACKUP, conf(false, "priority 254", "192.0.2.1").instance("VI_1").initialState());
    }

    @Test
    void resetSettingsAreWhatKeepalivedRunsWith() {
        VrrpInstance i = conf(false, ("state MASTER\n priority 100" + AUTH_AH).replace("\\n", "\n"), "192.0.2.1")
                .instance("VI_1");
        assertEquals(VrrpState.BACKUP, i.initialState());
        assertEquals(Optional.of(Authentication.Type.AH), i.authentication().map(Authentication::type));
        i = conf(true, ("priority 100" + AUTH_PASS).replace("\\n", "\n") + "\n preempt_delay 5", "192.0.2.1")
                .instance("VI_1");
        assertEquals(Optional.empty(), i.authentication());
        assertEquals(Duration.ZERO, i.preemptDelay());
    }
}
