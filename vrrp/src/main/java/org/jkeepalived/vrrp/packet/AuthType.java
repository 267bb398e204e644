package org.jkeepalived.vrrp.packet;

/** VRRPv2 Auth Type (RFC 3768 §5.3.6; AH is from RFC 2338 and still spoken by keepalived). */
public enum AuthType {
    NONE(0),
    PASS(1),
    AH(2);

    private final int code;

    AuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The auth type for a wire code; an unknown code is a decode error. */
    public static AuthType fromCode(int code) {
        for (AuthType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown auth type " + code);
    }
}
