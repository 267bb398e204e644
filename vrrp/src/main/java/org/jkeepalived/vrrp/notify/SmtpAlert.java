package org.jkeepalived.vrrp.notify;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The mail keepalived 2.2.7 sends for a VRRP state change (captured from the real keepalived at an SMTP
 * sink): subject {@code [ROUTER_ID] VRRP Instance VI_1 - Entering MASTER state} (or {@code VRRP Group G1}),
 * headers Date, From, Subject, X-Mailer: Keepalived, To (the recipients joined by ", "), and the one-line
 * body {@code => VRRP Instance is now owning VRRP VIPs <=} / {@code is no longer owning} for an instance,
 * {@code => All VRRP group instances are now in MASTER state <=} for a group; on shutdown the subject ends
 * {@code - Stopping} and the body says {@code stopping}. Pure.
 */
public record SmtpAlert(String from, List<String> to, String subject, String body) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.US);

    public SmtpAlert {
        to = List.copyOf(to);
    }

    /** The alert for {@code event}, or empty for a state keepalived does not mail about. */
    public static Optional<SmtpAlert> of(NotifyEvent event, String routerId, String from, List<String> to) {
        String state = event.state();
        boolean stop = state.equals("STOP");
        if (!stop && !state.equals("MASTER") && !state.equals("BACKUP") && !state.equals("FAULT")) {
            return Optional.empty();
        }
        boolean instance = event.kind() == NotifyEvent.Kind.INSTANCE;
        String subject = "[" + routerId + "] VRRP " + (instance ? "Instance " : "Group ") + event.name() + " - "
                + (stop ? "Stopping" : "Entering " + state + " state");
        String body;
        if (instance) {
            body = stop ? "=> VRRP Instance stopping <="
                    : state.equals("MASTER") ? "=> VRRP Instance is now owning VRRP VIPs <="
                    : "=> VRRP Instance is no longer owning VRRP VIPs <=";
        } else {
            body = "=> All VRRP group instances are now " + (stop ? "stopping" : "in " + state + " state") + " <=";
        }
        return Optional.of(new SmtpAlert(from, to, subject, body));
    }

    /** The DATA part (headers, blank line, body, blank line), CRLF lines, before dot-stuffing. */
    public String data(ZonedDateTime date) {
        return "Date: " + DATE.format(date) + "\r\n"
                + "From: " + from + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "X-Mailer: Keepalived\r\n"
                + "To: " + String.join(", ", to) + "\r\n"
                + "\r\n"
                + body + "\r\n"
                + "\r\n";
    }
}
