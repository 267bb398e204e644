package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A reusable native {@code struct msghdr} (from {@code <linux/socket.h>}, LP64 layout) with one
 * {@code struct iovec}, a name buffer and a control buffer, for {@code recvmsg} without allocating
 * per call. Also walks the {@code struct cmsghdr} ancillary data.
 */
public final class MsgHdr implements AutoCloseable {
    // struct msghdr { void *msg_name; socklen_t msg_namelen; struct iovec *msg_iov; size_t msg_iovlen;
    //                 void *msg_control; size_t msg_controllen; int msg_flags; }
    static final int OFF_NAME = 0;
    static final int OFF_NAMELEN = 8;
    static final int OFF_IOV = 16;
    static final int OFF_IOVLEN = 24;
    static final int OFF_CONTROL = 32;
    static final int OFF_CONTROLLEN = 40;
    static final int OFF_FLAGS = 48;
    static final int SIZE = 56;
    // struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; } then data, aligned to 8
    static final int CMSG_HDR = 16;

    private final Memory header = new Memory(SIZE + 16);
    private final Pointer iov = header.share(SIZE);
    private final Memory name;
    private final Memory control;
    private final Pointer data;
    private final int dataSize;

    /** Reads into {@code data} (dataSize bytes); the name buffer holds any sockaddr, the control buffer {@code controlSize}. */
    public MsgHdr(Pointer data, int dataSize, int controlSize) {
        this.data = data;
        this.dataSize = dataSize;
        this.name = new Memory(128);
        this.control = new Memory(controlSize);
        iov.setPointer(0, data);
        iov.setLong(8, dataSize);
    }

    /** Resets the lengths the kernel overwrote on the previous call; call before each recvmsg. */
    public Pointer prepare() {
        header.setPointer(OFF_NAME, name);
        header.setInt(OFF_NAMELEN, (int) name.size());
        header.setPointer(OFF_IOV, iov);
        header.setLong(OFF_IOVLEN, 1);
        header.setPointer(OFF_CONTROL, control);
        header.setLong(OFF_CONTROLLEN, control.size());
        header.setInt(OFF_FLAGS, 0);
        return header;
    }

    public Pointer name() {
        return name;
    }

    public Pointer data() {
        return data;
    }

    public int dataSize() {
        return dataSize;
    }

    public int flags() {
        return header.getInt(OFF_FLAGS);
    }

    /**
     * The offset in the control buffer of the data of the first control message with this level and
     * type, or -1 when there is none.
     */
    public int findControl(int level, int type) {
        long len = header.getLong(OFF_CONTROLLEN);
        int off = 0;
        while (off + CMSG_HDR <= len) {
            long cmsgLen = control.getLong(off);
            if (cmsgLen < CMSG_HDR) {
                return -1;
            }
            if (control.getInt(off + 8) == level && control.getInt(off + 12) == type) {
                return off + CMSG_HDR;
            }
            off += (int) ((cmsgLen + 7) & ~7L);
        }
        return -1;
    }

    public Pointer control() {
        return control;
    }

    @Override
    public void close() {
        header.close();
        name.close();
        control.close();
    }
}
