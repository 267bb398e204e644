package org.jkeepalived.vrrp.engine;

import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.core.time.Timer;

/**
 * A BACKUP's Master_Down_Timer. Each accepted advert pushes the deadline later; rather than cancel
 * and reschedule a scheduler task per advert, the task already queued runs early, sees the deadline
 * has moved and re-arms once for it, so the steady state schedules about one task per
 * Master_Down_Interval and still fires at the exact deadline.
 */
final class MasterDownTimer {
    private final Scheduler scheduler;
    private final Runnable onExpiry;
    private final Runnable onTask = this::taskRan;
    private Timer task;
    /** When the queued task runs; never after {@link #deadline}. */
    private long taskRunsAt;
    private long deadline;

    MasterDownTimer(Scheduler scheduler, Runnable onExpiry) {
        this.scheduler = scheduler;
        this.onExpiry = onExpiry;
    }

    /** (Re)starts the timer to expire {@code delayMicros} from now. */
    void set(long delayMicros) {
        long now = scheduler.nanoTime();
        deadline = now + delayMicros * 1_000;
        if (task != null && taskRunsAt <= deadline) {
            return;
        }
        cancel();
        taskRunsAt = deadline;
        task = scheduler.schedule(deadline - now, onTask);
    }

    void cancel() {
        if (task != null) {
            task.cancel();
            task = null;
        }
    }

    private void taskRan() {
        task = null;
        long now = scheduler.nanoTime();
        if (now < deadline) {
            taskRunsAt = deadline;
            task = scheduler.schedule(deadline - now, onTask);
            return;
        }
        onExpiry.run();
    }
}
