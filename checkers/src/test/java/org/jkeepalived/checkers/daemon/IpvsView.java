package org.jkeepalived.checkers.daemon;

import java.util.stream.Collectors;

import org.jkeepalived.checkers.policy.LvsNames;
import org.jkeepalived.ipvs.IpvsRules;

/** IPVS rules as one line per service, for assertions: {@code KEY -> a:p=w a:p=w}. */
public final class IpvsView {
    private IpvsView() {
    }

    public static String of(IpvsRules rules) {
        return rules.services().values().stream().map(s -> s.key() + " ->" + s.destinations().stream()
                .map(d -> " " + LvsNames.text(d.address()) + ":" + d.port() + "=" + d.weight())
                .collect(Collectors.joining())).collect(Collectors.joining("\n"));
    }
}
