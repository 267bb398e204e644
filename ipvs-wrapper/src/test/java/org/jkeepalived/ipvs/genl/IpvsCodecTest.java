package org.jkeepalived.ipvs.genl;

import static org.jkeepalived.ipvs.genl.IpvsGenl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.IpFamily;
import org.jkeepalived.core.config.lvs.Protocol;
import org.jkeepalived.ipvs.Destination;
import org.jkeepalived.ipvs.DestinationDump;
import org.jkeepalived.ipvs.DestinationKey;
import org.jkeepalived.ipvs.IpvsInfo;
import org.jkeepalived.ipvs.IpvsStats;
import org.jkeepalived.ipvs.Service;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.ipvs.ServiceFlag;
import org.jkeepalived.ipvs.ServiceKey;
import org.jkeepalived.netlink.genl.GenlMessage;
import org.jkeepalived.netlink.genl.GenlMessageWriter;
import org.jkeepalived.netlink.nl.NetlinkMessage;
import org.junit.jupiter.api.Test;

/** Requests against ipvsadm's bytes and kernel dump messages, captured in the IPVS VM (see each .hex header). */
class IpvsCodecTest {
    private static final int FAMILY = 0x20;
    private static final int REQUEST_ACK = 0x5;
    private static final ServiceKey TCP80 = new ServiceKey.Inet(Protocol.TCP, ip("192.0.2.1"), 80);
    private static final ServiceKey FWM7 = new ServiceKey.Fwmark(IpFamily.INET, 7);
    private static final ServiceKey UDP6 = new ServiceKey.Inet(Protocol.UDP, ip("2001:db8::1"), 53);

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] golden(String name) {
        try (InputStream in = IpvsCodecTest.class.getResourceAsStream(name)) {
            StringBuilder sb = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    sb.append(line.replaceAll("\\s+", ""));
                }
            }
            return HexFormat.of().parseHex(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRequest(String golden, int cmd, int flags, Consumer<GenlMessageWriter> attributes) {
        GenlMessageWriter w = GenlMessageWriter.allocate(1024).begin(FAMILY, flags, 1, cmd, VERSION);
        attributes.accept(w);
        w.end();
        HexFormat h = HexFormat.ofDelimiter(" ");
        assertEquals(h.formatHex(golden(golden)), h.formatHex(w.toByteArray()), golden);
    }

    private static GenlMessage message(String golden) {
        byte[] b = golden(golden);
        return GenlMessage.of(NetlinkMessage.parseAll(ByteBuffer.wrap(b), b.length).get(0));
    }

    @Test
    void newServiceTcpPersistent() {
        Service s = Service.of(TCP80, "wrr").withPersistence(600, 24);
        assertRequest("new-service-tcp-persistent.hex", CMD_NEW_SERVICE, REQUEST_ACK, w -> IpvsCodec.service(w, s));
    }

    @Test
    void newServiceFwmark() {
        assertRequest("new-service-fwmark.hex", CMD_NEW_SERVICE, REQUEST_ACK,
                w -> IpvsCodec.service(w, Service.of(FWM7, "rr")));
    }

    @Test
    void newServiceIpv6WithFlags() {
        Service s = Service.of(UDP6, "sh").withFlags(Set.of(ServiceFlag.SCHED2, ServiceFlag.ONE_PACKET));
        assertRequest("new-service-udp6-flags.hex", CMD_NEW_SERVICE, REQUEST_ACK, w -> IpvsCodec.service(w, s));
    }

    @Test
    void setService() {
        assertRequest("set-service.hex", CMD_SET_SERVICE, REQUEST_ACK,
                w -> IpvsCodec.service(w, Service.of(TCP80, "rr")));
    }

    @Test
    void deleteServiceFwmark() {
        assertRequest("del-service-fwmark.hex", CMD_DEL_SERVICE, REQUEST_ACK, w -> IpvsCodec.serviceRef(w, FWM7));
    }

    @Test
    void newDestinationNatWithThresholds() {
        Destination d = Destination.of(ip("10.0.0.1"), 8080, Forwarding.Method.NAT, 3).withThresholds(100, 10);
        assertRequest("new-dest-nat-thresholds.hex", CMD_NEW_DEST, REQUEST_ACK, w -> {
            IpvsCodec.serviceRef(w, TCP80);
            IpvsCodec.destination(w, d);
        });
    }

    @Test
    void newDestinationIpv6TunnelWeightZero() {
        Destination d = Destination.of(ip("2001:db8::2"), 53, Forwarding.Method.TUN, 0);
        assertRequest("new-dest-ipv6-tun-weight0.hex", CMD_NEW_DEST, REQUEST_ACK, w -> {
            IpvsCodec.serviceRef(w, UDP6);
            IpvsCodec.destination(w, d);
        });
    }

    @Test
    void newDestinationGueTunnelWithChecksum() {
        Destination d = new Destination(ip("10.0.0.9"), 80, new Forwarding(Forwarding.Method.TUN,
                Forwarding.TunnelType.GUE, OptionalInt.of(6080), Forwarding.TunnelChecksum.CSUM), 1, 0, 0);
        assertRequest("new-dest-tun-gue-csum.hex", CMD_NEW_DEST, REQUEST_ACK, w -> {
            IpvsCodec.serviceRef(w, TCP80);
            IpvsCodec.destination(w, d);
        });
    }

    @Test
    void setDestinationDirectRouting() {
        Destination d = Destination.of(ip("10.0.0.1"), 80, Forwarding.Method.DR, 5);
        assertRequest("set-dest-dr.hex", CMD_SET_DEST, REQUEST_ACK, w -> {
            IpvsCodec.serviceRef(w, TCP80);
            IpvsCodec.destination(w, d);
        });
    }

    @Test
    void deleteDestination() {
        assertRequest("del-dest.hex", CMD_DEL_DEST, REQUEST_ACK, w -> {
            IpvsCodec.serviceRef(w, TCP80);
            IpvsCodec.destinationRef(w, new DestinationKey(ip("10.0.0.1"), 8080));
        });
    }

    @Test
    void flushInfoAndDumpRequests() {
        assertRequest("flush.hex", CMD_FLUSH, REQUEST_ACK, w -> { });
        assertRequest("get-info.hex", CMD_GET_INFO, REQUEST_ACK, w -> { });
        assertRequest("get-services-dump.hex", CMD_GET_SERVICE, 0x305, w -> { });
        assertRequest("get-dests-dump-tcp.hex", CMD_GET_DEST, 0x305, w -> IpvsCodec.serviceKey(w, TCP80));
        assertRequest("get-dests-dump-fwmark.hex", CMD_GET_DEST, 0x305, w -> IpvsCodec.serviceKey(w, FWM7));
    }

    @Test
    void decodesInfo() {
        IpvsInfo info = IpvsCodec.decodeInfo(message("info-reply.hex"));
        assertEquals(new IpvsInfo(0x010201, 4096), info);
        assertEquals("1.2.1", info.versionText());
    }

    @Test
    void decodesAServiceOfADump() {
        ServiceDump s = IpvsCodec.decodeService(message("service-reply-udp6.hex"));
        assertEquals(new Service(UDP6, "sh", Set.of(ServiceFlag.SCHED2, ServiceFlag.ONE_PACKET), 0, 128, ""),
                s.service());
        assertEquals(IpvsStats.ZERO, s.stats());
    }

    @Test
    void decodesDestinationsOfADump() {
        DestinationDump nat = IpvsCodec.decodeDestination(message("dest-reply-nat-thresholds.hex"), IpFamily.INET);
        assertEquals(Destination.of(ip("10.0.0.1"), 8080, Forwarding.Method.NAT, 3).withThresholds(100, 10),
                nat.destination());
        DestinationDump gue = IpvsCodec.decodeDestination(message("dest-reply-tun-gue.hex"), IpFamily.INET);
        assertEquals(new Destination(ip("10.0.0.9"), 80, new Forwarding(Forwarding.Method.TUN,
                Forwarding.TunnelType.GUE, OptionalInt.of(6080), Forwarding.TunnelChecksum.CSUM), 1, 0, 0),
                gue.destination());
        assertEquals(0, gue.activeConnections());
    }

    @Test
    void roundTripsWhatItEncodes() {
        Service s = new Service(TCP80, "mh", Set.of(ServiceFlag.SCHED1), 300, 16, "sip");
        GenlMessageWriter w = GenlMessageWriter.allocate(1024).begin(FAMILY, 0, 1, CMD_NEW_SERVICE, VERSION);
        IpvsCodec.service(w, s);
        w.end();
        byte[] b = w.toByteArray();
        GenlMessage m = GenlMessage.of(NetlinkMessage.parseAll(ByteBuffer.wrap(b), b.length).get(0));
        assertEquals(s, IpvsCodec.decodeService(m).service());
    }
}
