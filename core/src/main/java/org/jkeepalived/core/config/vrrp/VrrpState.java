package org.jkeepalived.core.config.vrrp;

/** The initial {@code state} of a vrrp_instance; keepalived starts BACKUP unless told MASTER. */
public enum VrrpState { MASTER, BACKUP }
