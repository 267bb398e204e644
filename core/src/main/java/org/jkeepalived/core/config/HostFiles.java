package org.jkeepalived.core.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the script-security check may ask of the host: the status of a path, its canonical form, the
 * command search path and the user and group databases, as keepalived asks them with {@code stat},
 * {@code realpath}, {@code getenv("PATH")} and {@code getpwnam}/{@code getgrnam} when it reads the
 * scripts a configuration names. The watchdog passes the real host; tests pass a fake.
 */
public interface HostFiles {
    /** The status of {@code path}, following a final symbolic link when {@code follow} (stat) or not (lstat). */
    Optional<FileStatus> status(String path, boolean follow);

    /** The absolute path with {@code .}, {@code ..}, repeated slashes and every symbolic link resolved. */
    Optional<String> realPath(String path);

    /** The directories searched for a bare command name, in order; an empty entry means the current directory. */
    List<String> searchPath();

    /** The uid and primary gid of a user name. */
    Optional<Account> user(String name);

    /** The gid of a group name. */
    OptionalInt group(String name);

    /** A user as {@code getpwnam} gives it: uid and primary gid. */
    record Account(int uid, int gid) {
    }

    /** What {@code stat} tells of a file: owner, group and {@code st_mode} (file type and permission bits). */
    record FileStatus(int uid, int gid, int mode) {
        public static final int S_IFMT = 0170000;
        public static final int S_IFDIR = 0040000;
        public static final int S_IFREG = 0100000;
        public static final int S_IFLNK = 0120000;
        public static final int S_ISUID = 04000;
        public static final int S_ISGID = 02000;
        public static final int S_ISVTX = 01000;

        public boolean isDirectory() {
            return (mode & S_IFMT) == S_IFDIR;
        }

        public boolean isRegular() {
            return (mode & S_IFMT) == S_IFREG;
        }

        public boolean isSymlink() {
            return (mode & S_IFMT) == S_IFLNK;
        }

        public boolean has(int bits) {
            return (mode & bits) == bits;
        }

        /** Whether {@code uid:gid} may execute the file, by keepalived's rule (root needs any x bit). */
        public boolean executableBy(int byUid, int byGid) {
            if (byUid == 0) {
                return (mode & 0111) != 0;
            }
            if (byUid == uid) {
                return has(0100);
            }
            return byGid == gid ? has(0010) : has(0001);
        }
    }
}
