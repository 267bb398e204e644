package org.jkeepalived.vrrp.packet;

/** VRRPv2 Auth Type (RFC 3768 §5.3.6; AH is from RFC 2338 and still spoken by keepalived). */
public enum AuthType {
    NONE(0),
    PASS(1),
    AH(2);

    private static final AuthType[] BY_CODE = {NONE, PASS, AH};

    private final int code;

    AuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The auth type for a wire code; an unknown code is a decode error counted as invalid_authtype. */
    public static AuthType fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw VrrpPacketException.of(DropReason.INVALID_AUTHTYPE, "bad auth type", code, "0, 1 or 2");
        }
        return BY_CODE[code];
    }
}
