package org.jkeepalived.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.global.MetricsListen;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code jkeepalived status}: asks the running daemon, through its metrics and status endpoint, why each VRRP
 * instance is in its state, and prints the answer. The endpoint's address comes from the configuration file's
 * {@code metrics_listen} (a wildcard address is reached on loopback). keepalived has no positional arguments, so
 * the word {@code status} cannot clash with its flags.
 */
final class StatusCommand {
    static final int EXIT_NO_ENDPOINT = 1;
    static final int EXIT_UNREACHABLE = 2;
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    @Command(name = "jkeepalived status", description = "Print each VRRP instance's state and why, from the"
            + " running daemon's metrics_listen endpoint.")
    static final class Options {
        @Option(names = {"-f", "--use-file"}, paramLabel = "FILE",
                description = "The daemon's configuration file (default ${DEFAULT-VALUE}).")
        Path configFile = DaemonOptions.DEFAULT_CONFIG;

        @Option(names = {"-i", "--config-id"}, paramLabel = "ID", description = "As the daemon's -i.")
        String configId;

        @Option(names = {"--json"}, description = "Print the JSON status (/status) instead of the text.")
        boolean json;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Display this help message.")
        boolean help;
    }

    private StatusCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, HostView host) {
        Options o = new Options();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println("jkeepalived status: " + e.getMessage());
            cli.usage(err);
            return Main.EXIT_USAGE;
        }
        if (o.help) {
            cli.usage(out);
            return 0;
        }
        String configId = o.configId != null ? o.configId : host.shortHostName();
        LoadOptions load = new LoadOptions(configId, false, host.interfaces(), host.files());
        Optional<MetricsListen> listen = ConfigLoader.load(o.configFile, load).config().global().metricsListen();
        if (listen.isEmpty()) {
            err.println("jkeepalived status: " + o.configFile + " has no metrics_listen in global_defs;"
                    + " add for example 'metrics_listen 127.0.0.1 " + MetricsListen.DEFAULT_PORT + "' and reload");
            return EXIT_NO_ENDPOINT;
        }
        InetSocketAddress at = target(listen.get());
        String url = "http://" + StatusEndpoint.hostPort(at) + (o.json ? "/status" : "/status.txt");
        try {
            out.print(fetch(url));
            return 0;
        } catch (IOException e) {
            err.println("jkeepalived status: cannot reach the daemon at " + url + ": " + e.getMessage());
            return EXIT_UNREACHABLE;
        }
    }

    /** Where to connect: the configured address, or loopback when the daemon listens on every address. */
    static InetSocketAddress target(MetricsListen l) {
        InetAddress a = l.address().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : l.address();
        return new InetSocketAddress(a, l.port());
    }

    private static String fetch(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        c.setReadTimeout(READ_TIMEOUT_MILLIS);
        try {
            if (c.getResponseCode() != 200) {
                throw new IOException("HTTP " + c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }
}
