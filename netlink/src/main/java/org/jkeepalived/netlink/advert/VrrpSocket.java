package org.jkeepalived.netlink.advert;

import com.sun.jna.Memory;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    VrrpSocket(String interfaceName, int ifindex, NativeSocket rx, NativeSocket tx, int addressLength) {
        this.interfaceName = interfaceName;
        this.ifindex = ifindex;
        this.rx = rx;
        this.tx = tx;
        this.reception = new Reception(addressLength);
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
    public abstract void send(ByteBuffer payload, InetAddress destination) throws IOException;

    /**
     * Blocks until a packet arrives and returns the socket's reused {@link Reception}, or null once
     * the socket is closed.
     */
    public abstract Reception receive() throws IOException;

    int copyPayload(ByteBuffer payload) {
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
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + interfaceName + " ifindex " + ifindex + "]";
    }
}
