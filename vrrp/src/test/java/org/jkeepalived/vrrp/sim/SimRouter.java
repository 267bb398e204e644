package org.jkeepalived.vrrp.sim;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.AdvertSender;
import org.jkeepalived.vrrp.engine.Announcer;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.AdvertTemplate;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.jkeepalived.vrrp.packet.VrrpCodec;
import org.jkeepalived.vrrp.packet.VrrpPacketException;

/**
 * One simulated router: its VRRP instances, wired to the LAN through the real codec (a template
 * encode per send, a full decode per receive). A dead router neither sends nor receives, but its
 * state machine keeps running, as a cut cable would leave it.
 */
public final class SimRouter {
    private final SimLan lan;
    private final String name;
    private final InetAddress address;
    private final VrrpInstance[] byVrid = new VrrpInstance[256];
    private final List<VrrpInstance> instances = new ArrayList<>();
    private final ByteBuffer sendBuffer = ByteBuffer.allocate(1500);
    int segment;
    private boolean alive = true;
    private long decodeErrors;
    private long announcements;

    SimRouter(SimLan lan, String name, InetAddress address) {
        this.lan = lan;
        this.name = name;
        this.address = address;
    }

    public String name() {
        return name;
    }

    public InetAddress address() {
        return address;
    }

    public boolean alive() {
        return alive;
    }

    public List<VrrpInstance> instances() {
        return instances;
    }

    public VrrpInstance instance(int vrid) {
        return byVrid[vrid];
    }

    public long decodeErrors() {
        return decodeErrors;
    }

    public long announcements() {
        return announcements;
    }

    /** Adds an instance whose primary address must be this router's. */
    public VrrpInstance addInstance(InstanceSpec spec) {
        if (!spec.primaryAddress().equals(address)) {
            throw new IllegalArgumentException("primary address " + spec.primaryAddress() + " is not " + address);
        }
        Ports ports = new Ports();
        VrrpInstance vi = new VrrpInstance(spec, lan.scheduler(), ports, ports, ports);
        byVrid[spec.vrid()] = vi;
        instances.add(vi);
        return vi;
    }

    public void startAll() {
        instances.forEach(VrrpInstance::start);
    }

    /** Cuts the router off: nothing in, nothing out. */
    public void kill() {
        alive = false;
    }

    /** Brings a killed router back as a fresh start: stop (silently: still cut off), reconnect, start. */
    public void restart() {
        instances.forEach(VrrpInstance::stop);
        alive = true;
        instances.forEach(VrrpInstance::start);
    }

    /** Whether this router is alive and MASTER for the VRID. */
    public boolean master(int vrid) {
        return alive && byVrid[vrid] != null && byVrid[vrid].state() == VrrpState.MASTER;
    }

    void receive(byte[] packet, InetAddress source, InetAddress destination) {
        if (!alive) {
            return;
        }
        VrrpAdvert advert;
        try {
            advert = VrrpCodec.decode(ByteBuffer.wrap(packet), source, destination, false);
        } catch (VrrpPacketException e) {
            decodeErrors++;
            return;
        }
        VrrpInstance vi = byVrid[advert.vrid()];
        if (vi != null) {
            vi.receivedAdvert(advert, source);
        }
    }

    /** The ports of one instance: sends through a per-destination template, counts the rest. */
    private final class Ports implements AdvertSender, AddressInstaller, Announcer {
        private final List<InetAddress> destinations = new ArrayList<>(1);
        private final List<AdvertTemplate> templates = new ArrayList<>(1);

        @Override
        public void sendAdvert(VrrpAdvert advert, InetAddress destination) {
            if (!alive) {
                return;
            }
            sendBuffer.clear();
            template(advert, destination).encode(advert.priority(), sendBuffer);
            sendBuffer.flip();
            lan.transmit(SimRouter.this, sendBuffer, destination);
        }

        private AdvertTemplate template(VrrpAdvert advert, InetAddress destination) {
            for (int i = 0; i < destinations.size(); i++) {
                if (destinations.get(i) == destination) {
                    return templates.get(i);
                }
            }
            AdvertTemplate t = AdvertTemplate.of(advert, address, destination, false);
            destinations.add(destination);
            templates.add(t);
            return t;
        }

        @Override
        public void install(InstanceSpec instance) {
        }

        @Override
        public void remove(InstanceSpec instance) {
        }

        @Override
        public void announce(InstanceSpec instance, int repeat) {
            announcements += repeat;
        }
    }
}
