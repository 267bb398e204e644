package org.jkeepalived.core.config.global;

/**
 * {@code smtp_server <IP|NAME> [<PORT>]}: where notification mail goes. A host name is kept as
 * written and resolved only when mail is sent (reading config never touches DNS).
 */
public record SmtpServer(String host, int port) {
    public static final int DEFAULT_PORT = 25;
}
