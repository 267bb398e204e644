package org.jkeepalived.watchdog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.core.config.ConfigDump;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code jkeepalived} command: parses keepalived's flags and runs the mode they ask for; {@code jkeepalived
 * status ...} asks the running daemon for its state ({@link StatusCommand}).
 */
public final class Main {
    static final int EXIT_USAGE = ExitStatus.USAGE;
    static final int EXIT_CONFIG_TEST_FAILED = ExitStatus.CONFIG_TEST_FAILED;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, HostView.system()));
    }

    /** Runs one command line; returns the process exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, HostView host) {
        if (args.length > 0 && (args[0].equals("-T") || args[0].equals("--genhash"))) {
            return GenhashOptions.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("status")) {
            return StatusCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, host);
        }
        DaemonOptions o = new DaemonOptions();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println("jkeepalived: " + e.getMessage());
            cli.usage(err);
            return EXIT_USAGE;
        }
        if (o.help) {
            cli.usage(out);
            return 0;
        }
        if (o.genhash) {
            err.println("jkeepalived: -T/--genhash must be the first option");
            return EXIT_USAGE;
        }
        if (o.version) {
            err.println(Version.banner());
            return 0;
        }
        if (o.signum != null) {
            return SignalFunction.print(o.signum, out, err);
        }
        LoadOptions load = loadOptions(o, host);
        if (o.configTestRequested()) {
            return configTest(o, load, out, err);
        }
        if (o.dumpConf) {
            LoadResult result = ConfigLoader.load(o.configFile, load);
            printDiagnostics(result.diagnostics(), err);
            out.print(ConfigDump.render(result.config()));
        }
        return new ParentProcess(o, args, load).run();
    }

    /** How the configuration is read for these options on this host (every process of the daemon reads it so). */
    static LoadOptions loadOptions(DaemonOptions o, HostView host) {
        String configId = o.configId != null ? o.configId : host.shortHostName();
        return new LoadOptions(configId, o.allConfig, host.interfaces(), host.files());
    }

    /** {@code -t[=LOG_FILE]}: prints every diagnostic and exits 0 only when there are none, as keepalived does. */
    private static int configTest(DaemonOptions o, LoadOptions load, PrintStream out, PrintStream err) {
        LoadResult result = ConfigLoader.load(o.configFile, load);
        if (o.configTest.isEmpty()) {
            printDiagnostics(result.diagnostics(), err);
        } else {
            StringBuilder text = new StringBuilder();
            result.diagnostics().forEach(d -> text.append(d).append('\n'));
            try {
                Files.writeString(Path.of(o.configTest), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("jkeepalived: cannot write " + o.configTest + ": " + e.getMessage());
                printDiagnostics(result.diagnostics(), err);
            }
        }
        if (o.dumpConf) {
            out.print(ConfigDump.render(result.config()));
        }
        return result.clean() ? 0 : EXIT_CONFIG_TEST_FAILED;
    }

    private static void printDiagnostics(List<Diagnostic> diagnostics, PrintStream err) {
        for (Diagnostic d : diagnostics) {
            err.println(d);
        }
    }
}
