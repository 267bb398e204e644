package org.jkeepalived.checkers.policy;

import java.nio.file.Path;

import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;

/** Reads keepalived.conf text for tests, failing on errors. */
public final class Configs {
    private Configs() {
    }

    public static KeepalivedConfig parse(String text) {
        LoadResult r = ConfigLoader.load(text, "test.conf", Path.of("/tmp"),
                new LoadOptions("test", false, name -> true));
        if (r.hasErrors()) {
            throw new IllegalArgumentException(r.diagnostics().toString());
        }
        return r.config();
    }
}
