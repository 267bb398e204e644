package org.jkeepalived.core.config.lvs.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.core.config.lvs.CheckDefaults;

/** The common checker settings as written in one checker block, before inheritance; mutable while reading. */
final class CommonBuilder {
    Optional<InetAddress> connectIp = Optional.empty();
    OptionalInt connectPort = OptionalInt.empty();
    Optional<InetAddress> bindTo = Optional.empty();
    OptionalInt bindPort = OptionalInt.empty();
    Optional<String> bindIf = Optional.empty();
    OptionalLong fwmark = OptionalLong.empty();
    Optional<Duration> connectTimeout = Optional.empty();
    OptionalLong retry = OptionalLong.empty();
    Optional<Duration> delayBeforeRetry = Optional.empty();
    Optional<Duration> warmup = Optional.empty();
    Optional<Duration> delayLoop = Optional.empty();
    Optional<Boolean> alpha = Optional.empty();
    boolean logAllFailures;

    /** The defaults a checker kind falls back on when neither it nor its servers set a value. */
    record KindDefaults(long retry, Optional<Duration> delayBeforeRetry) {
        static final KindDefaults STANDARD = new KindDefaults(1, Optional.of(Duration.ofSeconds(1)));
        static final KindDefaults HTTP = new KindDefaults(1, Optional.of(Duration.ofSeconds(3)));
        /** DNS_CHECK retries 3 times, waiting delay_loop between tries. */
        static final KindDefaults DNS = new KindDefaults(3, Optional.empty());
        static final KindDefaults MISC = new KindDefaults(0, Optional.of(Duration.ofSeconds(1)));
    }

    CommonBuilder copy() {
        CommonBuilder c = new CommonBuilder();
        c.connectIp = connectIp;
        c.connectPort = connectPort;
        c.bindTo = bindTo;
        c.bindPort = bindPort;
        c.bindIf = bindIf;
        c.fwmark = fwmark;
        c.connectTimeout = connectTimeout;
        c.retry = retry;
        c.delayBeforeRetry = delayBeforeRetry;
        c.warmup = warmup;
        c.delayLoop = delayLoop;
        c.alpha = alpha;
        c.logAllFailures = logAllFailures;
        return c;
    }

    CheckerCommon resolve(CheckDefaults inherited, KindDefaults kind) {
        Duration loop = delayLoop.or(inherited::delayLoop).orElse(CheckerCommon.DEFAULT_DELAY_LOOP);
        long r = retry.isPresent() ? retry.getAsLong()
                : inherited.retry().isPresent() ? inherited.retry().getAsLong() : kind.retry();
        Duration dbr = delayBeforeRetry.or(inherited::delayBeforeRetry).or(kind::delayBeforeRetry).orElse(loop);
        return new CheckerCommon(connectIp, connectPort, bindTo, bindPort, bindIf, fwmark,
                connectTimeout.or(inherited::connectTimeout).orElse(CheckerCommon.DEFAULT_CONNECT_TIMEOUT),
                r, dbr, warmup.or(inherited::warmup).orElse(loop), loop,
                alpha.or(inherited::alpha).orElse(false), logAllFailures);
    }
}
