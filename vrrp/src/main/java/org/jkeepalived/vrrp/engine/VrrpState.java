package org.jkeepalived.vrrp.engine;

/**
 * The state of one VRRP instance: RFC 5798 §6.4's Initialize, Backup and Master, plus keepalived's
 * FAULT (a tracked object failed) and STOP (the instance was shut down).
 */
public enum VrrpState {
    INIT,
    BACKUP,
    MASTER,
    FAULT,
    STOP
}
