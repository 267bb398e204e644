package org.jkeepalived.netlink.sys;

import java.util.HashMap;
import java.util.Map;

/** A Linux errno value (asm-generic/errno-base.h and errno.h) that jkeepalived may meet on a socket or netlink. */
public enum Errno {
    EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), E2BIG(7), EBADF(9), EAGAIN(11), ENOMEM(12),
    EACCES(13), EFAULT(14), EBUSY(16), EEXIST(17), ENODEV(19), ENOTDIR(20), EINVAL(22), ENFILE(23),
    EMFILE(24), ENOSPC(28), ERANGE(34), ENODATA(61), ENOTSOCK(88), EDESTADDRREQ(89), EMSGSIZE(90),
    EPROTOTYPE(91), ENOPROTOOPT(92), EPROTONOSUPPORT(93), EOPNOTSUPP(95), EAFNOSUPPORT(97),
    EADDRINUSE(98), EADDRNOTAVAIL(99), ENETDOWN(100), ENETUNREACH(101), ENOBUFS(105), ENOTCONN(107),
    ETIMEDOUT(110), ECONNREFUSED(111), EHOSTDOWN(112), EHOSTUNREACH(113),
    EALREADY(114), EINPROGRESS(115), ECONNRESET(104), EPIPE(32);

    private static final Map<Integer, Errno> BY_CODE = new HashMap<>();

    static {
        for (Errno e : values()) {
            BY_CODE.put(e.code, e);
        }
    }

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant for {@code code}, or null when this table does not know it. */
    public static Errno fromCode(int code) {
        return BY_CODE.get(code);
    }

    /** The symbolic name of {@code code} ({@code "ENETDOWN"}), or {@code "errno"} when unknown. */
    public static String nameOf(int code) {
        Errno e = fromCode(code);
        return e == null ? "errno" : e.name();
    }
}
