package org.jkeepalived.core.config.lvs.check;

import java.util.Optional;
import org.jkeepalived.core.config.lvs.CheckDefaults;

/**
 * A checker as read from its block, before the settings it inherits are known: keepalived resolves them only
 * once the whole virtual server has been read, since a {@code delay_loop} may follow the real servers.
 */
@FunctionalInterface
public interface CheckerDraft {
    /**
     * The finished checker, given the settings written in the enclosing real and virtual servers (real server
     * first) and the virtualhost they name.
     */
    Checker resolve(CheckDefaults inherited, Optional<String> virtualhost);
}
