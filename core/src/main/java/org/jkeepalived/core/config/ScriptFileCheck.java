package org.jkeepalived.core.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.core.config.HostFiles.FileStatus;

/**
 * keepalived's check of one script's program file ({@code check_script_secure} in keepalived 2.2.7's
 * notify.c): find the program (a bare name on the search path), resolve it, and when it would run with root
 * rights look at every component of its path for something a non-root user could replace.
 */
final class ScriptFileCheck {
    /** What the check found, as keepalived's {@code SC_*} flags. */
    enum Finding {
        /** A program file was found: the script will be executed. */
        IS_SCRIPT,
        /** The user the script runs as may execute the file. */
        EXECUTABLE,
        /** A file or directory on the path is writable or owned by a non-root user. */
        INSECURE,
        /** The script must not run (insecure under enable_script_security, or a non-directory on the path). */
        INHIBIT,
        /** The program, or a directory on its path, does not exist. */
        NOT_FOUND,
        /** A {@code </path} file-open test run by the shell: nothing is executed. */
        SHELL_REDIRECT
    }

    /** The findings and, when one was found, the path that made the script insecure. */
    record Result(Set<Finding> findings, Optional<String> insecurePath) {
        boolean has(Finding f) {
            return findings.contains(f);
        }
    }

    private final HostFiles files;
    private final boolean scriptSecurity;

    ScriptFileCheck(HostFiles files, boolean scriptSecurity) {
        this.files = files;
        this.scriptSecurity = scriptSecurity;
    }

    Result check(String program, int uid, int gid) {
        Set<Finding> found = EnumSet.noneOf(Finding.class);
        if (program.startsWith("<") && program.substring(1).stripLeading().startsWith("/")) {
            found.add(Finding.SHELL_REDIRECT);
            return new Result(found, Optional.empty());
        }
        String path = program;
        if (!program.contains("/")) {
            Optional<String> onPath = search(program, uid, gid);
            if (onPath.isEmpty()) {
                return notFound();
            }
            path = onPath.get();
        }
        Optional<String> real = files.realPath(path);
        if (real.isEmpty()) {
            return notFound();
        }
        List<String> toCheck = new ArrayList<>();
        String originalName = path.substring(path.lastIndexOf('/') + 1);
        String realName = real.get().substring(real.get().lastIndexOf('/') + 1);
        if (!originalName.equals(realName)) {
            // keepalived keeps the name the script was called by (some programs act on it) when that name,
            // in the resolved directory, is the same file; both names are then checked.
            String sameDir = real.get().substring(0, real.get().lastIndexOf('/') + 1) + originalName;
            if (files.realPath(sameDir).equals(real)) {
                toCheck.add(sameDir);
            }
        }
        toCheck.add(real.get());
        Optional<FileStatus> file = files.status(real.get(), true);
        if (file.isEmpty()) {
            return notFound();
        }
        found.add(Finding.IS_SCRIPT);
        FileStatus f = file.get();
        boolean needsProtection = false;
        if (f.executableBy(uid, gid)) {
            found.add(Finding.EXECUTABLE);
            needsProtection = uid == 0 || gid == 0
                    || (f.uid() == 0 && f.has(0100 | FileStatus.S_ISUID))
                    || (f.gid() == 0 && f.has(0010 | FileStatus.S_ISGID));
        }
        Optional<String> insecure = Optional.empty();
        if (needsProtection) {
            for (String p : toCheck) {
                Optional<String> bad = checkComponents(p, found);
                if (insecure.isEmpty()) {
                    insecure = bad;
                }
            }
        }
        return new Result(found, insecure);
    }

    private static Result notFound() {
        return new Result(EnumSet.of(Finding.NOT_FOUND), Optional.empty());
    }

    /** The first file on the search path that is a regular file the user may execute. */
    private Optional<String> search(String name, int uid, int gid) {
        for (String dir : files.searchPath()) {
            String candidate = dir.isEmpty() ? name : dir + "/" + name;
            Optional<FileStatus> s = files.status(candidate, true);
            if (s.isPresent() && s.get().isRegular() && s.get().executableBy(uid, gid)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Checks "/", then each directory, then the file itself, without following links; returns an unsafe path. */
    private Optional<String> checkComponents(String path, Set<Finding> found) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add("/");
        for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
            prefixes.add(path.substring(0, i));
        }
        prefixes.add(path);
        for (int i = 0; i < prefixes.size(); i++) {
            String p = prefixes.get(i);
            boolean last = i == prefixes.size() - 1;
            Optional<FileStatus> st = files.status(p, false);
            if (st.isEmpty()) {
                found.add(Finding.NOT_FOUND);
                return Optional.empty();
            }
            FileStatus s = st.get();
            if ((!last && !s.isDirectory()) || (last && !s.isRegular() && !s.isSymlink())) {
                found.add(Finding.INHIBIT);
                return Optional.of(p);
            }
            boolean openDirOrFile = (s.isDirectory() && !s.has(FileStatus.S_ISVTX)) || s.isRegular();
            boolean writable = (s.gid() != 0 && s.has(0020)) || s.has(0002);
            if (s.uid() != 0 || (openDirOrFile && writable)) {
                found.add(Finding.INSECURE);
                if (scriptSecurity) {
                    found.add(Finding.INHIBIT);
                }
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
