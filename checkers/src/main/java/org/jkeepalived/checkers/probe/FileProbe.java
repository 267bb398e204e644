package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * FILE_CHECK: reads the number in a track file. With weight 0 any non-zero value is a failure; otherwise the value
 * times the weight (negated with {@code reverse}) is added to the real server's weight, and a total below 0 is a
 * failure. An unreadable or non-numeric file reads as 0, as in keepalived.
 */
public final class FileProbe implements Probe {
    private final Path file;
    private final long weight;
    private final boolean reverse;
    private final int configuredWeight;

    public FileProbe(Path file, long weight, boolean reverse, int configuredWeight) {
        this.file = file;
        this.weight = weight;
        this.reverse = reverse;
        this.configuredWeight = configuredWeight;
    }

    @Override
    public void run(Consumer<ProbeResult> done) {
        done.accept(verdict(read(file), weight, reverse, configuredWeight));
    }

    static long read(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
            String first = s.isEmpty() ? "0" : s.split("\\s+")[0];
            return Long.parseLong(first);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static ProbeResult verdict(long value, long weight, boolean reverse, int configuredWeight) {
        if (weight == 0) {
            return value == 0 ? ProbeResult.ok() : ProbeResult.failed("track file value " + value);
        }
        long delta = value * weight * (reverse ? -1 : 1);
        if (configuredWeight + delta < 0) {
            return ProbeResult.failed("track file value " + value + " gives weight " + (configuredWeight + delta));
        }
        return new ProbeResult(true, "track file value " + value, OptionalLong.of(delta));
    }
}
