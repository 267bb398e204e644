package org.jkeepalived.netlink.announce;

import com.sun.jna.Memory;
import java.io.Closeable;
import java.util.Arrays;
import java.util.function.Predicate;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.Interfaces;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrLl;

/** A receiving AF_PACKET socket (ETH_P_ALL) on one interface: the test's tcpdump. */
final class FrameCapture implements Closeable {
    private static final int ETH_P_ALL = 0x0003;
    private final NativeSocket socket;
    private final Memory buffer = new Memory(2048);

    private FrameCapture(NativeSocket socket) {
        this.socket = socket;
    }

    static FrameCapture open(String interfaceName) throws ErrnoException {
        int ifindex = Interfaces.indexOf(interfaceName);
        NativeSocket s = NativeSocket.open(LibC.AF_PACKET, LibC.SOCK_RAW, Short.reverseBytes((short) ETH_P_ALL),
                interfaceName);
        try (Memory sll = SockaddrLl.of(ETH_P_ALL, ifindex, null)) {
            s.bind(sll, SockaddrLl.SIZE);
        }
        return new FrameCapture(s);
    }

    /** The first frame matching {@code wanted} within {@code timeoutMillis}, or null. */
    byte[] await(Predicate<byte[]> wanted, int timeoutMillis) throws ErrnoException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
            if (left <= 0) {
                return null;
            }
            int n = socket.receive(buffer, 2048, 0, null, null, left);
            if (n < 0) {
                return null;
            }
            byte[] frame = buffer.getByteArray(0, n);
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    static Predicate<byte[]> startsWith(byte[] prefix) {
        return f -> f.length >= prefix.length && Arrays.equals(Arrays.copyOf(f, prefix.length), prefix);
    }

    @Override
    public void close() {
        socket.close();
        buffer.close();
    }
}
