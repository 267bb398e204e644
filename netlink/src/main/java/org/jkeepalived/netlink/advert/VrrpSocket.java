package org.jkeepalived.netlink.advert;

import com.sun.jna.Memory;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.Interfaces;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.MsgHdr;
import org.jkeepalived.netlink.sys.NativeSocket;

/**
 * A raw IP protocol 112 socket pair on one interface: one descriptor sends (bound to the chosen
 * source address), the other receives (joined to the VRRP group), because binding a raw socket to a
 * source address also filters what it receives by destination. Receiving reuses its native and heap
 * buffers, so the advert path allocates nothing; {@link #close()} wakes a thread blocked in
 * {@link #receive()}.
 */
public abstract sealed class VrrpSocket implements Closeable permits Vrrp4Socket, Vrrp6Socket {
    static final int BUFFER_SIZE = 2048;

    final String interfaceName;
    final int ifindex;
    final NativeSocket rx;
    final NativeSocket tx;
    final Memory rxData = new Memory(BUFFER_SIZE);
    final ByteBuffer rxView = rxData.getByteBuffer(0, BUFFER_SIZE).order(ByteOrder.BIG_ENDIAN);
    final MsgHdr msg = new MsgHdr(rxData, BUFFER_SIZE, 256);
    final Memory txData = new Memory(BUFFER_SIZE);
    final ByteBuffer txView = txData.getByteBuffer(0, BUFFER_SIZE);
    final Reception reception;
    private final Memory txAddress;
    private final int txAddressSize;

    VrrpSocket(String interfaceName, int ifindex, NativeSocket rx, NativeSocket tx, int addressLength,
               int sockaddrSize) {
        this.interfaceName = interfaceName;
        this.ifindex = ifindex;
        this.rx = rx;
        this.tx = tx;
        this.reception = new Reception(addressLength);
        this.txAddress = new Memory(sockaddrSize);
        this.txAddressSize = sockaddrSize;
    }

    /** Socket options applied to one descriptor of the pair while it is being opened. */
    @FunctionalInterface
    interface Setup {
        void apply(NativeSocket socket, int ifindex) throws ErrnoException;
    }

    /** Makes the family's socket from the opened pair. */
    @FunctionalInterface
    interface Factory<S extends VrrpSocket> {
        S create(String interfaceName, int ifindex, NativeSocket rx, NativeSocket tx);
    }

    /**
     * Opens the pair of raw VRRP sockets of address family {@code domain} on {@code interfaceName}: the receiver
     * first, then the sender; if an option fails, both are closed before the error propagates.
     */
    static <S extends VrrpSocket> S open(String interfaceName, int domain, Setup rxSetup, Setup txSetup,
                                         Factory<S> factory) throws ErrnoException {
        int ifindex = Interfaces.indexOf(interfaceName);
        NativeSocket rx = NativeSocket.open(domain, LibC.SOCK_RAW, LibC.IPPROTO_VRRP, interfaceName);
        NativeSocket tx = null;
        try {
            rxSetup.apply(rx, ifindex);
            tx = NativeSocket.open(domain, LibC.SOCK_RAW, LibC.IPPROTO_VRRP, interfaceName);
            txSetup.apply(tx, ifindex);
            return factory.create(interfaceName, ifindex, rx, tx);
        } catch (ErrnoException e) {
            rx.close();
            if (tx != null) {
                tx.close();
            }
            throw e;
        }
    }

    public String interfaceName() {
        return interfaceName;
    }

    public int ifindex() {
        return ifindex;
    }

    /**
     * Sends {@code payload} (position to limit, the whole VRRP packet) to {@code destination}: the
     * VRRP group or a unicast peer.
     */
    public synchronized void send(ByteBuffer payload, InetAddress destination) throws IOException {
        writeDestination(txAddress, destination);
        int length = copyPayload(payload);
        tx.sendTo(txData, length, txAddress, txAddressSize);
    }

    /**
     * Writes the family's socket address of {@code to} into {@code sockaddr}; throws IllegalArgumentException
     * for an address of the other family.
     */
    abstract void writeDestination(Memory sockaddr, InetAddress to);

    /**
     * Blocks until a packet arrives and returns the socket's reused {@link Reception}, or null once
     * the socket is closed.
     */
    public abstract Reception receive() throws IOException;

    /** Hands out the reused {@link Reception} with the {@code n} received bytes from {@code offset} as payload. */
    Reception deliver(int n, int offset) {
        rxView.limit(Math.min(n, BUFFER_SIZE)).position(offset);
        reception.payload = rxView;
        return reception;
    }

    private int copyPayload(ByteBuffer payload) {
        int length = payload.remaining();
        if (length > BUFFER_SIZE) {
            throw new IllegalArgumentException("VRRP packet of " + length + " bytes exceeds " + BUFFER_SIZE);
        }
        txView.put(0, payload, payload.position(), length);
        return length;
    }

    @Override
    public void close() {
        rx.close();
        tx.close();
        if (rx.isIdle()) { // else a stuck receiver still uses the buffers: leave them to JNA's cleaner
            msg.close();
            rxData.close();
        }
        txData.close();
        txAddress.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + interfaceName + " ifindex " + ifindex + "]";
    }
}
