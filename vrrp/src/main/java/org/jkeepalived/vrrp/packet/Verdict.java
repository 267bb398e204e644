package org.jkeepalived.vrrp.packet;

/**
 * The outcome of receive validation: an {@link Accepted} advert for the state machine, or the
 * {@link DropReason} it was dropped for (an enum constant, so dropping allocates nothing).
 */
public sealed interface Verdict permits Verdict.Accepted, DropReason {

    /**
     * An advert that passed validation.
     *
     * @param advert              the decoded advert
     * @param addressListMismatch the advert's address list differs from the configured VIPs (counted as
     *                            addr_list_err and logged; RFC 3768 §7.1 says log, not drop)
     */
    record Accepted(VrrpAdvert advert, boolean addressListMismatch) implements Verdict {
    }
}
