package org.jkeepalived.checkers.probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * SMTP_CHECK's conversation: the server's 220 greeting, {@code HELO helo_name} answered by 250, then
 * {@code QUIT} answered by 221 (a server that just closes after QUIT is fine too).
 */
final class SmtpDialog implements Dialog {
    private enum Stage { GREETING, HELO, QUIT }

    private final String heloName;
    private Stage stage = Stage.GREETING;
    private int consumed;

    SmtpDialog(String heloName) {
        this.heloName = heloName;
    }

    @Override
    public byte[] opening() {
        return new byte[0];
    }

    @Override
    public Step received(ByteBuffer received, boolean eof) {
        String text = StandardCharsets.ISO_8859_1.decode(received.duplicate()).toString();
        int code = replyCode(text.substring(Math.min(consumed, text.length())));
        if (code == 0) {
            if (eof) {
                return stage == Stage.QUIT ? new Done(ProbeResult.ok())
                        : new Done(ProbeResult.failed("connection closed during SMTP " + stage));
            }
            return MORE;
        }
        consumed = text.length();
        switch (stage) {
            case GREETING -> {
                if (code != 220) {
                    return new Done(ProbeResult.failed("bad SMTP greeting " + code));
                }
                stage = Stage.HELO;
                return new Send(("HELO " + heloName + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            case HELO -> {
                if (code != 250) {
                    return new Done(ProbeResult.failed("bad SMTP HELO reply " + code));
                }
                stage = Stage.QUIT;
                return new Send("QUIT\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> {
                return new Done(ProbeResult.ok());
            }
        }
    }

    /** The code of the last line of a complete reply ("250 ok" after any "250-…" lines), or 0 if incomplete. */
    static int replyCode(String text) {
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return 0;
            }
            String line = text.substring(start, nl);
            start = nl + 1;
            if (line.length() >= 4 && line.charAt(3) == '-') {
                continue;
            }
            if (line.length() >= 3) {
                try {
                    return Integer.parseInt(line.substring(0, 3));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return 0;
    }
}
