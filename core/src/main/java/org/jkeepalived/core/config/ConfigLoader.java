package org.jkeepalived.core.config;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.GlobalDefsReader;
import org.jkeepalived.core.config.lvs.LvsConfig;
import org.jkeepalived.core.config.lvs.LvsConfigReader;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;
import org.jkeepalived.core.config.vrrp.VrrpConfig;
import org.jkeepalived.core.config.vrrp.VrrpConfigReader;

/**
 * Reads keepalived.conf from end to end: the language layer turns text into statements, then the
 * global, VRRP and LVS readers build and validate their halves of the model. Pure apart from
 * reading the files themselves and, when the options give them, asking the host about the scripts.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static LoadResult load(Path file, LoadOptions options) {
        Diagnostics d = new Diagnostics();
        List<ConfigNode> top = ConfigReader.read(file, new ReaderOptions(options.configId(), options.allConfig()), d);
        return build(file, top, options, d);
    }

    /** Builds the model from text already in memory (tests, tools); includes resolve against {@code baseDir}. */
    public static LoadResult load(String text, String fileName, Path baseDir, LoadOptions options) {
        Diagnostics d = new Diagnostics();
        List<ConfigNode> top = ConfigReader.read(text, fileName,  baseDir,
                new ReaderOptions(options.configId(), options.allConfig()), d);
        return build(Path.of(fileName), top, options, d);
    }

    private static LoadResult build(Path file, List<ConfigNode> top, LoadOptions options, Diagnostics d) {
        for (ConfigNode n : top) {
            if (!VrrpConfigReader.TOP_LEVEL_KEYWORDS.contains(n.keyword())
                    && !LvsConfigReader.TOP_LEVEL_KEYWORDS.contains(n.keyword())) {
                d.warning(n, "unknown keyword, ignored");
            }
        }
        GlobalDefs global = GlobalDefsReader.read(top, d);
        VrrpConfig vrrp = VrrpConfigReader.read(top, global, options.host(), d);
        LvsConfig lvs = LvsConfigReader.read(top, options.host(), d);
        KeepalivedConfig config = new KeepalivedConfig(file, global, vrrp, lvs);
        options.files().ifPresent(files -> ScriptSecurity.check(config, files, d));
        return new LoadResult(config, d.all());
    }
}
