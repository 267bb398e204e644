package org.jkeepalived.watchdog;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * keepalived's command line, flag for flag (keepalived 2.2 {@code keepalived --help}); the
 * meanings are keepalived's. Parsed by picocli into these fields, read by {@link Main}.
 */
@Command(name = "jkeepalived", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Keepalived-compatible VRRP and health-checking agent.",
        footer = {"", "jkeepalived status [-f FILE] [--json]: print each VRRP instance's state and why, from the"
                + " running daemon's metrics_listen endpoint (docs/metrics.md)."})
public final class DaemonOptions {
    public static final Path DEFAULT_CONFIG = Path.of("/etc/keepalived/keepalived.conf");

    @Option(names = {"-f", "--use-file"}, paramLabel = "FILE",
            description = "Use the specified configuration file (default ${DEFAULT-VALUE}).")
    Path configFile = DEFAULT_CONFIG;

    @Option(names = {"-P", "--vrrp"}, description = "Only run with VRRP subsystem.")
    boolean vrrpOnly;

    @Option(names = {"-C", "--check"}, description = "Only run with Health-checker subsystem.")
    boolean checkOnly;

    @Option(names = {"-l", "--log-console"}, description = "Log messages to local console.")
    boolean logConsole;

    @Option(names = {"-D", "--log-detail"}, description = "Detailed log messages.")
    boolean logDetail;

    @Option(names = {"-S", "--log-facility"}, paramLabel = "FACILITY",
            description = "Set syslog facility to LOG_LOCAL[0-7] ([0-7] or local[0-7]), user or daemon (default).")
    String logFacility = "daemon";

    @Option(names = {"-G", "--no-syslog"}, description = "Don't log via syslog.")
    boolean noSyslog;

    @Option(names = {"-n", "--dont-fork"}, description = "Don't fork the daemon process.")
    boolean dontFork;

    @Option(names = {"-d", "--dump-conf"}, description = "Dump the configuration data.")
    boolean dumpConf;

    @Option(names = {"-p", "--pid"}, paramLabel = "FILE", description = "Use specified pidfile for parent process.")
    Path pidFile;

    @Option(names = {"-r", "--vrrp_pid"}, paramLabel = "FILE", description = "Use specified pidfile for VRRP child process.")
    Path vrrpPidFile;

    @Option(names = {"-c", "--checkers_pid"}, paramLabel = "FILE",
            description = "Use specified pidfile for checkers child process.")
    Path checkersPidFile;

    @Option(names = {"-R", "--dont-respawn"}, description = "Don't respawn child processes.")
    boolean dontRespawn;

    @Option(names = {"-X", "--release-vips"}, description = "Drop VIP on transition from signal.")
    boolean releaseVips;

    @Option(names = {"-V", "--dont-release-vrrp"}, description = "Don't remove VRRP VIPs and VROUTEs on daemon stop.")
    boolean dontReleaseVrrp;

    @Option(names = {"-I", "--dont-release-ipvs"}, description = "Don't remove IPVS topology on daemon stop.")
    boolean dontReleaseIpvs;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID",
            description = "Skip configuration lines beginning '@' that don't match ID, or beginning '@^' that do"
                    + " (default: the short host name).")
    String configId;

    @Option(names = {"-e", "--all-config"}, description = "Error if any configuration file is missing.")
    boolean allConfig;

    @Option(names = {"-t", "--config-test"}, arity = "0..1", paramLabel = "LOG_FILE", fallbackValue = "",
            description = "Check the configuration for obvious errors, output to stderr by default"
                    + " or to LOG_FILE.")
    String configTest;

    @Option(names = {"--signum"}, paramLabel = "SIGFUNC",
            description = "Return signal number for STOP, RELOAD, DATA, STATS, STATS_CLEAR, JSON "
                    + "(JSON: SIGPWR, STATS_CLEAR: SIGSTKFLT, where keepalived uses real-time signals).")
    String signum;

    @Option(names = {"-T", "--genhash"}, description = "Enter genhash utility mode (this should be the first option used).")
    boolean genhash;

    @Option(names = {"-v", "--version"}, description = "Display the version number.")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Display this help message.")
    boolean help;

    /** True when {@code -t} was given, with or without a log file. */
    public boolean configTestRequested() {
        return configTest != null;
    }
}
