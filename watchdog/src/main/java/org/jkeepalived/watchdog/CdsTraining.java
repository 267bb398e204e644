package org.jkeepalived.watchdog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.LoggerFactory;

/**
 * The training run for the application class-data-sharing archive: {@code bin/jkeepalived} runs it once,
 * with {@code -XX:ArchiveClassesAtExit}, when the archive is missing. It loads the classes a daemon process
 * loads (the command line, the configuration reader on a sample file, logging, and every jkeepalived and
 * JNA class, without initialising the ones that would touch the kernel), so that every JVM of the daemon maps
 * the same archive: faster start-up, and pages shared between the parent and its children.
 */
public final class CdsTraining {
    private static final String SAMPLE = """
            global_defs {
                router_id cds
            }
            vrrp_sync_group G {
                group {
                    VI_1
                    VI_2
                }
            }
            vrrp_instance VI_1 {
                interface lo
                virtual_router_id 1
                priority 100
                authentication {
                    auth_type PASS
                    auth_pass secret
                }
                virtual_ipaddress {
                    198.51.100.1/32
                }
            }
            vrrp_instance VI_2 {
                interface lo
                virtual_router_id 2
                unicast_peer {
                    198.51.100.3
                }
                virtual_ipaddress {
                    198.51.100.2/32
                }
            }
            """;

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path conf = Files.createTempFile("jkeepalived-cds", ".conf");
        try {
            Files.writeString(conf, SAMPLE);
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
            Main.run(new String[] {"-t", "-d", "-f", conf.toString()}, quiet, quiet, HostView.system());
            ConsoleLogging.configure(false);
            LoggerFactory.getLogger(CdsTraining.class).debug("training");
        } finally {
            Files.deleteIfExists(conf);
        }
        ClassLoader loader = CdsTraining.class.getClassLoader();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("jkeepalived") || entry.matches(".*/(core|vrrp|netlink|watchdog|checkers|jna|logback"
                    + "-classic|logback-core|slf4j-api|picocli)-[^/]*\\.jar")) {
                load(Path.of(entry), loader);
            }
        }
    }

    private static void load(Path jar, ClassLoader loader) {
        if (!Files.isRegularFile(jar)) {
            return;
        }
        try (JarFile f = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && !name.contains("module-info") && !name.startsWith("META-INF")) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    } catch (ReflectiveOperationException | LinkageError ignored) {
                        // optional dependencies of a library (e.g. logback's servlet support): not ours to load
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable jar only makes the archive smaller
        }
    }
}
