package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/** Interface name and index lookups ({@code if_nametoindex(3)}) in the calling thread's network namespace. */
public final class Interfaces {
    private Interfaces() {
    }

    /** The index of {@code name}; throws ENODEV-style errors when it does not exist. */
    public static int indexOf(String name) throws ErrnoException {
        int index = LibC.if_nametoindex(name);
        if (index == 0) {
            throw new ErrnoException("if_nametoindex", name, Native.getLastError());
        }
        return index;
    }

    /** The name of interface {@code index}. */
    public static String nameOf(int index) throws ErrnoException {
        try (Memory buf = new Memory(16)) {
            if (LibC.if_indextoname(index, buf) == null) {
                throw new ErrnoException("if_indextoname", Integer.toString(index), Native.getLastError());
            }
            return buf.getString(0);
        }
    }
}
