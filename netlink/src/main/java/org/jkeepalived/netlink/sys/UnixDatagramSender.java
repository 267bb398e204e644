package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;

/**
 * A UNIX-domain datagram socket that sends to one path, such as syslog's {@code /dev/log}: the JDK's
 * UNIX-domain channels are stream-only. Thread-safe (one {@code sendto} per message); a failed send is
 * reported, never retried (a log line is not worth blocking for).
 */
public final class UnixDatagramSender implements Closeable {
    private static final int AF_UNIX = 1;
    /** {@code struct sockaddr_un} from {@code <sys/un.h>}: family, then a 108-byte path. */
    private static final int SOCKADDR_UN_SIZE = 110;
    private static final int PATH_OFFSET = 2;
    private static final int MAX_PATH = 107;

    private final int fd;
    private final Memory address = new Memory(SOCKADDR_UN_SIZE);
    private final String path;

    private UnixDatagramSender(int fd, String path) {
        this.fd = fd;
        this.path = path;
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        address.clear(SOCKADDR_UN_SIZE);
        address.setShort(0, (short) AF_UNIX);
        address.write(PATH_OFFSET, p, 0, p.length);
    }

    /** Opens a socket that sends to {@code path}. */
    public static UnixDatagramSender open(String path) throws ErrnoException {
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH) {
            throw new IllegalArgumentException("socket path too long: " + path);
        }
        int fd = ErrnoException.check(LibC.socket(AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0), "socket", path);
        return new UnixDatagramSender(fd, path);
    }

    /** Sends one datagram without blocking; returns false (with errno lost) when the receiver did not take it. */
    public boolean send(byte[] datagram) {
        try (Memory m = new Memory(Math.max(1, datagram.length))) {
            m.write(0, datagram, 0, datagram.length);
            long n;
            do {
                n = LibC.sendto(fd, m, datagram.length, LibC.MSG_DONTWAIT, address, SOCKADDR_UN_SIZE);
            } while (n < 0 && Native.getLastError() == Errno.EINTR.code());
            return n == datagram.length;
        }
    }

    public String path() {
        return path;
    }

    @Override
    public void close() {
        LibC.close(fd);
    }
}
