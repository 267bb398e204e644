package org.jkeepalived.core.config.lvs;

/** A virtual service flag written as a bare keyword ({@code ops}, {@code flag-1}, {@code sh-port}, …). */
public enum SchedulerFlag {
    HASHED("hashed"),
    OPS("ops"),
    FLAG_1("flag-1"),
    FLAG_2("flag-2"),
    FLAG_3("flag-3"),
    SH_PORT("sh-port"),
    SH_FALLBACK("sh-fallback"),
    MH_PORT("mh-port"),
    MH_FALLBACK("mh-fallback");

    private final String keyword;

    SchedulerFlag(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
