package org.jkeepalived.core.config;

import java.nio.file.Path;
import java.util.Objects;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.lvs.LvsConfig;
import org.jkeepalived.core.config.vrrp.VrrpConfig;

/** A whole keepalived.conf, read and validated: global settings, the VRRP half and the LVS half. */
public record KeepalivedConfig(Path file, GlobalDefs global, VrrpConfig vrrp, LvsConfig lvs) {
    public KeepalivedConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(vrrp, "vrrp");
        Objects.requireNonNull(lvs, "lvs");
    }
}
