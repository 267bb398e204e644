package org.jkeepalived.core.config.vrrp;

import org.jkeepalived.core.config.SourceLocation;

/**
 * An instance's {@code authentication} block (RFC 2338 style; removed from VRRPv2 by RFC 3768):
 * {@code auth_type PASS|AH} and {@code auth_pass}, of which keepalived uses the first 8 characters.
 */
public record Authentication(Type type, String password, SourceLocation location) {
    /** {@code auth_type}. */
    public enum Type { PASS, AH }
}
