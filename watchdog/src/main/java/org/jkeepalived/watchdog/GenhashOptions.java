package org.jkeepalived.watchdog;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.jkeepalived.checkers.genhash.Genhash;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.lvs.check.HttpGetCheck.HttpProtocol;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code jkeepalived -T} / {@code --genhash}: keepalived's genhash options (keepalived 2.2.7
 * {@code keepalived -T --help}), handed to {@link Genhash}.
 */
@Command(name = "jkeepalived --genhash", sortOptions = false,
        description = "Print the MD5 digest of a URL's body, for HTTP_GET/SSL_GET digest lines.")
final class GenhashOptions {
    @Option(names = {"-S", "--use-ssl"}, description = "Use SSL connection to remote server.")
    boolean ssl;

    @Option(names = {"-I", "--use-sni"}, description = "Use SNI during SSL handshake (uses virtualhost setting; see -V).")
    boolean sni;

    @Option(names = {"-s", "--server"}, required = true, paramLabel = "ADDRESS",
            description = "Use the specified remote server address.")
    String server;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Use the specified remote server port.")
    Integer port;

    @Option(names = {"-u", "--url"}, required = true, paramLabel = "URL", description = "Use the specified remote server url.")
    String url;

    @Option(names = {"-V", "--use-virtualhost"}, paramLabel = "HOST", description = "Use the specified virtualhost in GET query.")
    String virtualhost;

    @Option(names = {"-v", "--verbose"}, description = "Use verbose mode output.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Display this short inlined help screen.")
    boolean help;

    @Option(names = {"-m", "--fwmark"}, paramLabel = "MARK", description = "Use the specified FW mark (not supported; ignored).")
    Long fwmark;

    @Option(names = {"-P", "--protocol"}, paramLabel = "VERSION",
            description = "Use the specified HTTP protocol - '1.0', '1.0c', '1.1'. 1.0c means 1.0 with 'Connection: close'")
    String protocol = "1.0";

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Timeout in seconds (default 5).")
    int timeout = 5;

    private GenhashOptions() {
    }

    /** Runs {@code args} (after -T); returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        GenhashOptions o = new GenhashOptions();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println("jkeepalived: " + e.getMessage());
            cli.usage(err);
            return Main.EXIT_USAGE;
        }
        if (o.help) {
            cli.usage(out);
            return 0;
        }
        Optional<InetAddress> address = Arguments.parseAddress(o.server);
        if (address.isEmpty()) {
            err.println("jkeepalived: server must be an IP address: " + o.server);
            return Main.EXIT_USAGE;
        }
        HttpProtocol protocol = switch (o.protocol.toLowerCase(Locale.ROOT)) {
            case "1.0" -> HttpProtocol.HTTP_1_0;
            case "1.0c" -> HttpProtocol.HTTP_1_0C;
            case "1.1" -> HttpProtocol.HTTP_1_1;
            default -> null;
        };
        if (protocol == null) {
            err.println("jkeepalived: unknown HTTP protocol " + o.protocol);
            return Main.EXIT_USAGE;
        }
        int port = o.port != null ? o.port : (o.ssl ? 443 : 80);
        return Genhash.run(new Genhash.Request(new InetSocketAddress(address.get(), port), o.url, o.ssl, o.sni,
                Optional.ofNullable(o.virtualhost), protocol, Duration.ofSeconds(o.timeout), o.verbose), out);
    }
}
