package org.jkeepalived.watchdog.failover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The VRRP instance a failover test gives every router on its LAN (apart from the priority and,
 * in unicast mode, the addresses), rendered from {@code failover/instance.conf}, with the RFC
 * timers the test measures against.
 */
record VrrpConfig(int version, int family, int advertCentis, boolean passAuth, boolean unicast, boolean vmac) {
    static final int VRID = 51;
    static final String VIP4 = "192.0.2.200";
    static final String VIP6 = "2001:db8::200";
    /** The virtual MAC of VRID 51 (RFC 5798 §7.3): 00-00-5E-00-01-{VRID} for IPv4, -02- for IPv6. */
    static final String VMAC4 = "00:00:5e:00:01:33";

    static VrrpConfig v2() {
        return new VrrpConfig(2, 4, 100, false, false, false);
    }

    static VrrpConfig v3(int family) {
        return new VrrpConfig(3, family, 100, false, false, false);
    }

    VrrpConfig withPassAuth() {
        return new VrrpConfig(version, family, advertCentis, true, unicast, vmac);
    }

    VrrpConfig withUnicast() {
        return new VrrpConfig(version, family, advertCentis, passAuth, true, vmac);
    }

    VrrpConfig withVmac() {
        return new VrrpConfig(version, family, advertCentis, passAuth, unicast, true);
    }

    VrrpConfig withAdvertCentis(int centis) {
        return new VrrpConfig(version, family, centis, passAuth, unicast, vmac);
    }

    String vip() {
        return family == 6 ? VIP6 : VIP4;
    }

    /** The configuration for {@code self} at {@code priority}; {@code peers} are the other routers. */
    String render(Node self, int priority, List<Node> peers) {
        StringBuilder extra = new StringBuilder();
        if (passAuth) {
            extra.append("  authentication {\n    auth_type PASS\n    auth_pass jkfo1234\n  }\n");
        }
        if (unicast) {
            extra.append("  unicast_src_ip ").append(self.address(family)).append('\n');
            extra.append("  unicast_peer {\n").append(peers.stream()
                    .map(p -> "    " + p.address(family) + "\n").collect(Collectors.joining())).append("  }\n");
        }
        if (vmac) {
            extra.append("  use_vmac\n");
        }
        return template()
                .replace("@ROUTER_ID@", "jkfo-" + self.role())
                .replace("@VERSION@", Integer.toString(version))
                .replace("@VRID@", Integer.toString(VRID))
                .replace("@PRIORITY@", Integer.toString(priority))
                .replace("@ADVERT_INT@", advertInt())
                .replace("@EXTRA@\n", extra.toString())
                .replace("@VIP@", vip())
                .replace("@PREFIX@", family == 6 ? "64" : "24");
    }

    private String advertInt() {
        return advertCentis % 100 == 0 ? Integer.toString(advertCentis / 100)
                : String.format("%d.%02d", advertCentis / 100, advertCentis % 100);
    }

    /** Skew_Time of a backup at {@code priority}, in microseconds: RFC 3768 §6.1 for v2, RFC 5798 §6.1 for v3. */
    long skewMicros(int priority) {
        long base = version == 2 ? 1_000_000L : advertCentis * 10_000L;
        return (256 - priority) * base / 256;
    }

    /** Master_Down_Interval = 3 * Master_Adver_Interval + Skew_Time, in microseconds. */
    long masterDownMicros(int priority) {
        return 3 * advertCentis * 10_000L + skewMicros(priority);
    }

    @Override
    public String toString() {
        return "VRRPv" + version + " IPv" + family + " advert_int " + advertInt() + (passAuth ? " PASS" : "")
                + (unicast ? " unicast" : "") + (vmac ? " use_vmac" : "");
    }

    private static String template() {
        try (InputStream in = VrrpConfig.class.getResourceAsStream("/failover/instance.conf")) {
            if (in == null) {
                throw new IllegalStateException("failover/instance.conf is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
