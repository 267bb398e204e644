package org.jkeepalived.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An in-memory host for the script checks: a tree of files, directories and symbolic links with owners and
 * modes, a search path and a user database. Starts with a root-owned {@code /}, {@code /usr/bin} (PATH), a
 * sticky world-writable {@code /tmp} and the user and group root.
 */
final class FakeHostFiles implements HostFiles {
    private final Map<String, FileStatus> nodes = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, Account> users = new HashMap<>();
    private final Map<String, Integer> groups = new HashMap<>();
    private final List<String> path = new ArrayList<>(List.of("/usr/bin"));

    FakeHostFiles() {
        dir("/", 0, 0, 0755);
        dir("/usr", 0, 0, 0755);
        dir("/usr/bin", 0, 0, 0755);
        dir("/tmp", 0, 0, 01777);
        user("root", 0, 0);
        groups.put("root", 0);
    }

    FakeHostFiles dir(String p, int uid, int gid, int perm) {
        nodes.put(p, new FileStatus(uid, gid, FileStatus.S_IFDIR | perm));
        return this;
    }

    FakeHostFiles file(String p, int uid, int gid, int perm) {
        nodes.put(p, new FileStatus(uid, gid, FileStatus.S_IFREG | perm));
        return this;
    }

    /** A root-owned executable 0755. */
    FakeHostFiles program(String p) {
        return file(p, 0, 0, 0755);
    }

    FakeHostFiles link(String p, String target) {
        nodes.put(p, new FileStatus(0, 0, FileStatus.S_IFLNK | 0777));
        links.put(p, target);
        return this;
    }

    FakeHostFiles user(String name, int uid, int gid) {
        users.put(name, new Account(uid, gid));
        return this;
    }

    FakeHostFiles group(String name, int gid) {
        groups.put(name, gid);
        return this;
    }

    @Override
    public Optional<FileStatus> status(String p, boolean follow) {
        if (!follow) {
            Optional<String> parent = realPath(p.substring(0, Math.max(1, p.lastIndexOf('/'))));
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            String name = p.substring(p.lastIndexOf('/') + 1);
            String at = name.isEmpty() ? parent.get() : (parent.get().equals("/") ? "" : parent.get()) + "/" + name;
            return Optional.ofNullable(nodes.get(at));
        }
        return realPath(p).map(nodes::get);
    }

    @Override
    public Optional<String> realPath(String p) {
        String current = "/";
        List<String> todo = new ArrayList<>(List.of(p.split("/")));
        int hops = 0;
        while (!todo.isEmpty()) {
            String part = todo.remove(0);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals("/") ? "/" : current.substring(0, Math.max(1, current.lastIndexOf('/')));
                continue;
            }
            String next = (current.equals("/") ? "" : current) + "/" + part;
            FileStatus s = nodes.get(next);
            if (s == null || hops > 40) {
                return Optional.empty();
            }
            if (s.isSymlink()) {
                hops++;
                String target = links.get(next);
                List<String> rest = new ArrayList<>(List.of(target.split("/")));
                rest.addAll(todo);
                todo = rest;
                if (target.startsWith("/")) {
                    current = "/";
                }
                continue;
            }
            current = next;
        }
        return Optional.of(current);
    }

    @Override
    public List<String> searchPath() {
        return path;
    }

    @Override
    public Optional<Account> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public OptionalInt group(String name) {
        Integer g = groups.get(name);
        return g == null ? OptionalInt.empty() : OptionalInt.of(g);
    }
}
