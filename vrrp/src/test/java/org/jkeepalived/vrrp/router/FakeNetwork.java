package org.jkeepalived.vrrp.router;

import java.io.Closeable;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.Announcer;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.packet.AdvertTemplate;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/** An in-memory {@link VrrpNetwork}: records what the router sends and installs, and injects packets and events. */
final class FakeNetwork implements VrrpNetwork {
    record Sent(String channel, int priority, InetAddress destination) { }

    final Map<String, Boolean> up = new HashMap<>();
    final Map<String, AdvertReceiver> receivers = new HashMap<>();
    final List<Sent> sent = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** What each install and remove owned, from the plan the installer was made for: "+VI_1 192.0.2.100/24". */
    final List<String> owned = new ArrayList<>();
    LinkListener listener;
    boolean watchClosed;

    @Override
    public InetAddress primaryAddress(String interfaceName, boolean ipv6) {
        return null;
    }

    @Override
    public boolean isUp(String interfaceName) {
        return up.getOrDefault(interfaceName, true);
    }

    @Override
    public void prepare(InstancePlan plan) {
        calls.add("prepare " + plan.name());
    }

    @Override
    public void release(InstancePlan plan) {
        calls.add("release " + plan.name());
    }

    @Override
    public AdvertChannel openChannel(String interfaceName, boolean ipv6, InetAddress source, boolean multicast,
                                     AdvertReceiver receiver) {
        String key = interfaceName + (ipv6 ? "/inet6" : "/inet");
        receivers.put(key, receiver);
        calls.add("open " + key);
        return new AdvertChannel() {
            @Override
            public void sendAdvert(VrrpAdvert advert, InetAddress destination) {
                sent.add(new Sent(key, advert.priority(), destination));
            }

            @Override
            public void close() {
                calls.add("close " + key);
            }
        };
    }

    @Override
    public AddressInstaller installer(InstancePlan plan) {
        return new AddressInstaller() {
            @Override
            public void install(InstanceSpec instance) {
                calls.add("install " + instance.name());
                owned(plan, "+");
            }

            @Override
            public void remove(InstanceSpec instance) {
                calls.add("remove " + instance.name());
                owned(plan, "-");
            }
        };
    }

    private void owned(InstancePlan plan, String sign) {
        plan.config().virtualIpAddresses().forEach(v -> owned.add(sign + plan.name() + " "
                + v.address().getHostAddress() + "/" + v.prefixLength()));
        plan.config().virtualRoutes().forEach(r -> owned.add(sign + plan.name() + " route " + r.destination()));
    }

    @Override
    public Announcer announcer(InstancePlan plan) {
        return (instance, repeat) -> calls.add("announce " + instance.name() + " x" + repeat);
    }

    @Override
    public VipFirewall firewall() {
        return new VipFirewall() {
            @Override
            public void setDropRule(DropRule rule) {
                calls.add("drop " + rule.instance() + " " + addresses(rule));
            }

            @Override
            public void removeDropRule(DropRule rule) {
                calls.add("undrop " + rule.instance() + " " + addresses(rule));
            }

            @Override
            public void close() {
                calls.add("close firewall");
            }
        };
    }

    private static String addresses(DropRule rule) {
        return rule.addresses().stream().map(a -> a.address().getHostAddress() + "%" + a.interfaceName()).toList()
                .toString();
    }

    @Override
    public Closeable watch(LinkListener l) {
        listener = l;
        return () -> watchClosed = true;
    }

    @Override
    public void close() {
    }

    /** An IPv4 datagram as a raw socket returns it: header (TTL 255) then the advert. */
    static ByteBuffer datagram(VrrpAdvert advert, InetAddress source, InetAddress destination) {
        AdvertTemplate t = AdvertTemplate.of(advert, source, destination, false);
        ByteBuffer b = ByteBuffer.allocate(20 + t.length());
        b.put((byte) 0x45).put((byte) 0xc0).putShort((short) (20 + t.length())).putInt(0);
        b.put((byte) 255).put((byte) 112).putShort((short) 0).put(source.getAddress()).put(destination.getAddress());
        t.encode(advert.priority(), b);
        return b.flip();
    }
}
