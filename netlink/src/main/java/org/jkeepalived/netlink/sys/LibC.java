package org.jkeepalived.netlink.sys;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The C library calls and constants jkeepalived needs, bound with JNA direct mapping.
 *
 * <p>Direct mapping (static natives registered once) rather than an interface proxy, because an
 * interface proxy boxes every argument into a fresh {@code Object[]}: the advert receive path must
 * not allocate per packet. Sizes ({@code size_t}, {@code ssize_t}) are mapped to {@code long}: the
 * project targets LP64 Linux (x86_64, aarch64) only. Callers go through {@link NativeSocket} or
 * {@link ErrnoException#check}, never use a raw {@code -1}.
 */
public final class LibC {
    static {
        Native.register("c");
    }

    private LibC() {
    }

    // <bits/socket.h>, <linux/socket.h>
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_ERROR = 4;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_BINDTODEVICE = 25;
    public static final int SO_MARK = 36;
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_TRUNC = 0x20;
    // <netinet/in.h>, <linux/in.h>
    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int IPPROTO_IPV6 = 41;
    public static final int IPPROTO_VRRP = 112;
    public static final int IP_TOS = 1;
    public static final int IP_TTL = 2;
    public static final int IP_PKTINFO = 8;
    public static final int IP_MULTICAST_IF = 32;
    public static final int IP_MULTICAST_TTL = 33;
    public static final int IP_MULTICAST_LOOP = 34;
    public static final int IP_ADD_MEMBERSHIP = 35;
    // <linux/in6.h>, <linux/ipv6.h>
    public static final int IPV6_CHECKSUM = 7;
    public static final int IPV6_UNICAST_HOPS = 16;
    public static final int IPV6_MULTICAST_IF = 17;
    public static final int IPV6_MULTICAST_HOPS = 18;
    public static final int IPV6_MULTICAST_LOOP = 19;
    public static final int IPV6_JOIN_GROUP = 20;
    public static final int IPV6_RECVPKTINFO = 49;
    public static final int IPV6_PKTINFO = 50;
    public static final int IPV6_RECVHOPLIMIT = 51;
    public static final int IPV6_HOPLIMIT = 52;
    // <linux/netlink.h>
    public static final int NETLINK_ROUTE = 0;
    public static final int SOL_NETLINK = 270;
    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    public static final int NETLINK_EXT_ACK = 11;
    // <poll.h>
    public static final short POLLIN = 0x1;
    // <sys/eventfd.h>
    public static final int EFD_CLOEXEC = 0x80000;
    // <fcntl.h>, <sched.h>
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    public static native int socket(int domain, int type, int protocol);

    public static native int bind(int fd, Pointer addr, int addrlen);

    public static native int connect(int fd, Pointer addr, int addrlen);

    public static native int setsockopt(int fd, int level, int optname, Pointer optval, int optlen);

    public static native int getsockopt(int fd, int level, int optname, Pointer optval, Pointer optlen);

    public static native long sendto(int fd, Pointer buf, long len, int flags, Pointer addr, int addrlen);

    public static native long recvfrom(int fd, Pointer buf, long len, int flags, Pointer addr, Pointer addrlen);

    public static native long recvmsg(int fd, Pointer msghdr, int flags);

    public static native int close(int fd);

    public static native int poll(Pointer fds, long nfds, int timeoutMillis);

    public static native int eventfd(int initval, int flags);

    // <sys/epoll.h>
    public static final int EPOLL_CLOEXEC = 0x80000;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;
    public static final int EPOLLIN = 0x1;
    public static final int EPOLLOUT = 0x4;
    public static final int EPOLLERR = 0x8;
    public static final int EPOLLHUP = 0x10;
    public static final int EPOLLONESHOT = 1 << 30;

    public static native int epoll_create1(int flags);

    /** {@code event} points to a {@code struct epoll_event} (see {@code EpollEvent} for its layout). */
    public static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

    public static native int epoll_wait(int epfd, Pointer events, int maxevents, int timeoutMillis);

    public static native long write(int fd, Pointer buf, long count);

    public static native long read(int fd, Pointer buf, long count);

    public static native int if_nametoindex(String name);

    public static native Pointer if_indextoname(int ifindex, Pointer buf);

    public static native int open(String path, int flags);

    public static native int setns(int fd, int nstype);

    // <sched.h>, <sys/resource.h>, <sys/mman.h>: process tuning (vrrp_rt_priority and friends)
    public static final int SCHED_OTHER = 0;
    public static final int SCHED_RR = 2;
    /** Threads and processes this thread creates start under SCHED_OTHER (keepalived sets it too). */
    public static final int SCHED_RESET_ON_FORK = 0x40000000;
    public static final int PRIO_PROCESS = 0;
    public static final int RLIMIT_RTTIME = 15;
    public static final int MCL_CURRENT = 1;
    public static final int MCL_FUTURE = 2;
    public static final int MCL_ONFAULT = 4;

    /** {@code act} and {@code oldact} point to a {@code struct sigaction} ({@link SignalDisposition}). */
    public static native int sigaction(int signum, Pointer act, Pointer oldact);

    public static native int gettid();

    /** {@code param} points to a {@code struct sched_param} (one int: the priority). */
    public static native int sched_setscheduler(int pid, int policy, Pointer param);

    public static native int sched_getscheduler(int pid);

    /** On Linux {@code who} is a thread id: nice is per thread. */
    public static native int setpriority(int which, int who, int prio);

    public static native int sched_setaffinity(int pid, long cpusetsize, Pointer mask);

    public static native int mlockall(int flags);

    /** {@code rlim} points to a {@code struct rlimit} (two unsigned longs: soft, hard). */
    public static native int setrlimit(int resource, Pointer rlim);
}
