package org.jkeepalived.core.config.global;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where and how keepalived mails state changes: {@code notification_email}, {@code
 * notification_email_from} (default {@code keepalived@<host name>}, left to the mailer),
 * {@code smtp_server}, {@code smtp_helo_name}, {@code smtp_connect_timeout} (default 30 s) and the
 * default {@code smtp_alert*} switches (absent means keepalived's default: off).
 */
public record Notification(List<String> emails, Optional<String> from, Optional<SmtpServer> server,
                           Optional<String> heloName, Duration connectTimeout, Optional<Boolean> smtpAlert,
                           Optional<Boolean> smtpAlertVrrp, Optional<Boolean> smtpAlertChecker,
                           boolean noEmailFaults, boolean checkerLogAllFailures) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    public Notification {
        emails = List.copyOf(emails);
    }
}
