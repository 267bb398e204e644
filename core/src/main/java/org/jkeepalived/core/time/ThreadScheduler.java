package org.jkeepalived.core.time;

import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link Scheduler}: one dedicated thread at maximum priority runs every task in deadline
 * order (ties in submission order), reading {@link System#nanoTime()} and waiting with
 * {@link LockSupport#parkNanos} (about 0.1–0.2 ms late, where {@code Thread.sleep} rounds to
 * milliseconds; shared/PLATFORM.md). Any thread may schedule; the tasks themselves all run on the
 * scheduler thread, so the logic they drive needs no locks. A task that throws is logged and the
 * loop goes on.
 */
public final class ThreadScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Thread thread;
    private long sequence;
    private volatile boolean running = true;
    private volatile LongConsumer lateListener;
    private volatile long lateThresholdNanos = Long.MAX_VALUE;

    private ThreadScheduler(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts a scheduler whose thread is called {@code name}. */
    public static ThreadScheduler start(String name) {
        ThreadScheduler s = new ThreadScheduler(name);
        s.thread.start();
        return s;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        Task t = new Task(System.nanoTime() + Math.max(0, delayNanos), task);
        boolean first;
        lock.lock();
        try {
            t.sequence = sequence++;
            queue.add(t);
            first = queue.peek() == t;
        } finally {
            lock.unlock();
        }
        if (first && Thread.currentThread() != thread) {
            LockSupport.unpark(thread);
        }
        return t;
    }

    /** Whether the calling thread is the scheduler's own. */
    public boolean inSchedulerThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code work} on the scheduler thread and waits for its result, at most {@code timeoutMillis};
     * runs it directly when called from the scheduler thread.
     *
     * @throws TimeoutException when the scheduler did not finish it in time
     * @throws ExecutionException wrapping what {@code work} threw
     */
    public <T> T call(Callable<T> work, long timeoutMillis)
            throws TimeoutException, ExecutionException, InterruptedException {
        if (inSchedulerThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new ExecutionException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Calls {@code listener} on the scheduler thread with how late a task ran, in nanoseconds, whenever a
     * task runs more than {@code thresholdNanos} after its deadline: the process is not scheduled soon
     * enough (keepalived's "A thread timer expired ... seconds ago").
     */
    public void onLate(long thresholdNanos, LongConsumer listener) {
        lateListener = listener;
        lateThresholdNanos = thresholdNanos;
    }

    /** Live tasks still queued (cancelled ones may be counted until their deadline passes). */
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread after the task it is running, waiting for it at most 2 s; queued tasks are dropped. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (!inSchedulerThread()) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            Task due = null;
            long wait = 0;
            lock.lock();
            try {
                Task head;
                while ((head = queue.peek()) != null && head.cancelled) {
                    queue.poll();
                }
                if (head == null) {
                    wait = -1;
                } else {
                    long left = head.at - System.nanoTime();
                    if (left <= 0) {
                        due = queue.poll();
                    } else {
                        wait = left;
                    }
                }
            } finally {
                lock.unlock();
            }
            if (due != null) {
                late(due);
                run(due);
            } else if (wait < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    private void late(Task t) {
        LongConsumer l = lateListener;
        if (l == null || t.cancelled) {
            return;
        }
        long late = System.nanoTime() - t.at;
        if (late > lateThresholdNanos) {
            try {
                l.accept(late);
            } catch (RuntimeException e) {
                LOG.error("late-timer listener failed", e);
            }
        }
    }

    private static void run(Task t) {
        if (t.cancelled) {
            return;
        }
        try {
            t.task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("scheduled task failed", e);
            if (e instanceof VirtualMachineError) {
                throw e;
            }
        }
    }

    private static final class Task implements Comparable<Task>, Timer {
        final long at;
        final Runnable task;
        long sequence;
        volatile boolean cancelled;

        Task(long at, Runnable task) {
            this.at = at;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task o) {
            long d = at - o.at; // nanoTime values compare by difference (they may wrap)
            return d != 0 ? (d < 0 ? -1 : 1) : Long.compare(sequence, o.sequence);
        }
    }
}
