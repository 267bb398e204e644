package org.jkeepalived.core.config.lvs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.lvs.Lvs;
import org.junit.jupiter.api.Test;

class CheckerCommonTest {
    @Test
    void defaults() {
        CheckerCommon c = Checkers.one("TCP_CHECK {\n}").common();
        assertEquals(new CheckerCommon(Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), OptionalLong.empty(), Duration.ofSeconds(5), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(60), false, false), c);
    }

    @Test
    void everyCommonKeyword() {
        Checker k = Checkers.one("""
                TCP_CHECK {
                  connect_ip 10.0.0.2
                  connect_port 8080
                  bindto 10.0.0.100
                  bind_port 40000
                  bind_if eth0
                  fwmark 9
                  connect_timeout 0.5
                  retry 4
                  delay_before_retry 2
                  warmup 1
                  delay_loop 3
                  alpha
                  log_all_failures yes
                }""");
        assertEquals(new CheckerCommon(Optional.of(Lvs.addr("10.0.0.2")), OptionalInt.of(8080),
                Optional.of(Lvs.addr("10.0.0.100")), OptionalInt.of(40000), Optional.of("eth0"), OptionalLong.of(9),
                Duration.ofMillis(500), 4, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3), true,
                true), k.common());
        assertEquals(6, k.location().line());
        assertEquals("TCP_CHECK", k.kind());
    }

    @Test
    void checkerInheritsFromRealServerThenVirtualServer() {
        var c = Lvs.clean(Checkers.conf(" delay_loop 10\n retry 5\n connect_timeout 7\n alpha\n",
                "  delay_loop 20\n warmup 2\n", "TCP_CHECK {\n delay_before_retry 9\n}"))
                .virtualServers().get(0).realServers().get(0).checkers().get(0).common();
        assertEquals(Duration.ofSeconds(20), c.delayLoop(), "real server wins over virtual server");
        assertEquals(5, c.retry(), "from the virtual server");
        assertEquals(Duration.ofSeconds(7), c.connectTimeout());
        assertEquals(Duration.ofSeconds(2), c.warmup());
        assertEquals(Duration.ofSeconds(9), c.delayBeforeRetry(), "checker's own");
        assertTrue(c.alpha());
    }

    @Test
    void delayLoopAfterTheRealServersStillApplies() {
        var c = Lvs.clean(Lvs.wrap(" real_server 10.0.0.1 80 {\n TCP_CHECK {\n }\n }\n delay_loop 6\n"))
                .virtualServers().get(0).realServers().get(0).checkers().get(0).common();
        assertEquals(Duration.ofSeconds(6), c.delayLoop());
        assertEquals(Duration.ofSeconds(6), c.warmup(), "warmup defaults to delay_loop");
    }

    @Test
    void kindDefaults() {
        assertEquals(Duration.ofSeconds(3), Checkers.one("HTTP_GET {\n url {\n path /\n }\n}").common()
                .delayBeforeRetry());
        assertEquals(Duration.ofSeconds(3), Checkers.one("SSL_GET {\n url {\n path /\n }\n}").common()
                .delayBeforeRetry());
        CheckerCommon dns = Checkers.one("DNS_CHECK {\n delay_loop 7\n}").common();
        assertEquals(3, dns.retry());
        assertEquals(Duration.ofSeconds(7), dns.delayBeforeRetry(), "DNS waits delay_loop between tries");
        assertEquals(0, Checkers.one("MISC_CHECK {\n misc_path /bin/true\n}").common().retry());
    }

    // keepalived: "Invalid checker connect_port '70000'", "connect_timeout 0 invalid - ignoring",
    // "delay_loop '0' is invalid - ignoring"
    @Test
    void badValuesAreErrorsOnTheirLine() {
        Checkers.read("TCP_CHECK {\n connect_port 70000\n}").only(Severity.ERROR, 7, "connect_port", "70000");
        Checkers.read("TCP_CHECK {\n bind_port 0\n}").only(Severity.ERROR, 7, "bind_port", "0");
        Checkers.read("TCP_CHECK {\n connect_timeout 0\n}").only(Severity.ERROR, 7, "connect_timeout", "0");
        Checkers.read("TCP_CHECK {\n delay_loop 0\n}").only(Severity.ERROR, 7, "delay_loop", "0");
        Checkers.read("TCP_CHECK {\n retry x\n}").only(Severity.ERROR, 7, "retry", "x");
        Checkers.read("TCP_CHECK {\n alpha maybe\n}").only(Severity.ERROR, 7, "alpha", "maybe");
        Checkers.read("TCP_CHECK {\n connect_ip host.example\n}").only(Severity.ERROR, 7, "connect_ip", "host");
        Checkers.read("TCP_CHECK {\n fwmark -2\n}").only(Severity.ERROR, 7, "fwmark", "-2");
        Checkers.read("TCP_CHECK {\n bind_if averyveryverylongname\n}").only(Severity.ERROR, 7, "bind_if", "15");
    }

    // keepalived: "bindto address … does not match address family of connect_ip - skipping"
    @Test
    void bindtoOfAnotherFamily() {
        Lvs l = Checkers.read("TCP_CHECK {\n connect_ip 10.0.0.2\n bindto 2001:db8::1\n}");
        l.only(Severity.ERROR, 8, "bindto", "family");
        assertEquals(Optional.empty(), l.config.virtualServers().get(0).realServers().get(0).checkers().get(0)
                .common().bindTo());
    }

    // keepalived: "Checker link local address fe80::1 requires a bind_if"
    @Test
    void linkLocalNeedsBindIf() {
        Lvs l = Checkers.read("TCP_CHECK {\n connect_ip fe80::1\n}");
        l.only(Severity.ERROR, 6, "TCP_CHECK", "bind_if");
        assertEquals(List.of(), l.config.virtualServers().get(0).realServers().get(0).checkers());
        Checkers.one("TCP_CHECK {\n connect_ip fe80::1\n bind_if eth0\n}");
    }

    /** Not reported by keepalived 2.2.7 -t (the checker fails to bind at run time); we warn early. */
    @Test
    void bindIfThatDoesNotExist() {
        Checkers.read("TCP_CHECK {\n bind_if nosuch0\n}").only(Severity.WARNING, 6, "bind_if", "nosuch0");
    }

    // keepalived 2.2.7: "Unknown keyword 'nb_get_retry'" in TCP_CHECK, but only a deprecation in HTTP_GET
    @Test
    void nbGetRetryOnlyInHttpCheckers() {
        Checkers.read("TCP_CHECK {\n nb_get_retry 2\n}").only(Severity.WARNING, 7, "nb_get_retry", "unknown");
        Lvs l = Checkers.read("HTTP_GET {\n nb_get_retry 2\n url {\n path /\n }\n}");
        l.only(Severity.WARNING, 7, "nb_get_retry", "deprecated");
        assertEquals(2, l.config.virtualServers().get(0).realServers().get(0).checkers().get(0).common().retry());
    }

    @Test
    void unknownKeywordInAChecker() {
        Checkers.read("PING_CHECK {\n foo\n}").only(Severity.WARNING, 7, "foo", "PING_CHECK");
    }

    @Test
    void retryZeroIsAllowedInACheckerAndLogAllFailuresDefaultsOff() {
        CheckerCommon c = Checkers.one("TCP_CHECK {\n retry 0\n}").common();
        assertEquals(0, c.retry());
        assertFalse(c.logAllFailures());
    }
}
