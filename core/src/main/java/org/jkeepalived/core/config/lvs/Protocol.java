package org.jkeepalived.core.config.lvs;

/** The L4 protocol of a virtual service ({@code protocol TCP|UDP|SCTP}). */
public enum Protocol {
    TCP, UDP, SCTP
}
