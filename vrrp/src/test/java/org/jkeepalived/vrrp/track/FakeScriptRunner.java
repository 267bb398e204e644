package org.jkeepalived.vrrp.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A {@link ScriptRunner} that starts nothing: tests see each run and finish it with the outcome they choose. */
public final class FakeScriptRunner implements ScriptRunner {
    /** One run asked for. */
    public static final class Run {
        public final List<String> argv;
        public final Duration timeout;
        final Consumer<ScriptOutcome> done;
        public boolean killed;

        Run(List<String> argv, Duration timeout, Consumer<ScriptOutcome> done) {
            this.argv = argv;
            this.timeout = timeout;
            this.done = done;
        }

        public void finish(ScriptOutcome outcome) {
            done.accept(outcome);
        }
    }

    public final List<Run> runs = new ArrayList<>();

    @Override
    public Running run(List<String> argv, Duration timeout, Consumer<ScriptOutcome> done) {
        Run r = new Run(List.copyOf(argv), timeout, done);
        runs.add(r);
        return () -> r.killed = true;
    }

    public Run last() {
        return runs.get(runs.size() - 1);
    }
}
