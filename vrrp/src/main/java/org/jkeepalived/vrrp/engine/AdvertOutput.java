package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * What an instance advertises and where: one {@link VrrpAdvert} per priority, built when the
 * priority changes and handed unchanged to the sender every interval, to the multicast group or to
 * each unicast peer.
 */
final class AdvertOutput {
    private final InstanceSpec spec;
    private final AdvertSender sender;
    private final VrrpCounters counters;
    private final List<InetAddress> addresses;
    private final InetAddress multicastGroup;
    private final VrrpAdvert stopAdvert;
    private VrrpAdvert advert;

    AdvertOutput(InstanceSpec spec, AdvertSender sender, VrrpCounters counters, int priority) {
        this.spec = spec;
        this.sender = sender;
        this.counters = counters;
        List<InetAddress> list = new ArrayList<>();
        spec.virtualAddresses().forEach(v -> list.add(v.address()));
        this.addresses = List.copyOf(list);
        this.multicastGroup = spec.ipv6() ? VrrpGroups.IPV6 : VrrpGroups.IPV4;
        this.advert = build(priority);
        this.stopAdvert = build(0);
    }

    VrrpAdvert current() {
        return advert;
    }

    void priorityChanged(int priority) {
        advert = build(priority);
    }

    void send() {
        send(advert);
    }

    /** Sends priority 0: the master is leaving (RFC 5798 §6.4.3). */
    void sendStop() {
        send(stopAdvert);
        counters.priorityZeroSent++;
    }

    private void send(VrrpAdvert a) {
        List<InetAddress> peers = spec.unicastPeers();
        if (peers.isEmpty()) {
            sender.sendAdvert(a, multicastGroup);
            counters.advertsSent++;
            return;
        }
        for (int i = 0; i < peers.size(); i++) {
            sender.sendAdvert(a, peers.get(i));
            counters.advertsSent++;
        }
    }

    private VrrpAdvert build(int priority) {
        return new VrrpAdvert(spec.version(), spec.vrid(), priority, spec.advertIntervalOnWire(), spec.authType(),
                spec.authData(), addresses, 0);
    }
}
