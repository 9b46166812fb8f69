package org.imcsim.engine;

import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run loop: current time, the pending-event set and the handler table.
 *
 * <p>Events are dispatched in (time, band, sequence) order — see {@link EventQueue} — to
 * {@link EventTarget}s registered before the run. Handling an event may schedule others at the
 * current time or later, never earlier.
 *
 * <p><b>Termination.</b> {@link #run(long)} stops after the event in which the last primary
 * participant reported done ({@link #addPrimary()} / {@link #primaryDone()}), when the next event
 * lies beyond the time limit, when no event is pending, or after {@link #requestStop()}. Without
 * primaries only the last three apply.
 *
 * <p><b>Heartbeat.</b> During long runs a line is logged at INFO every {@code heartbeatMillis} of
 * wall time and/or every {@code heartbeatEvents} events (either may be 0 = off). The wall clock is
 * read once per 65536 events, so the check costs nothing measurable.
 *
 * <p>Not thread-safe: one simulation runs on one thread (parallelism is across runs).
 */
public final class Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final long CHUNK = 1L << 16;

    private final EventQueue queue;
    private EventTarget[] targets = new EventTarget[64];
    private int targetCount;
    private boolean frozen;
    private long nowPs;
    private long events;
    private int primaries;
    private int primariesDone;
    private boolean stopRequested;
    private long heartbeatMillis = 10_000;
    private long heartbeatEvents;
    /** Keeps the prefetch loads alive (the JIT drops loads whose values are unused). */
    private int prefetchSink;

    /** A simulator on the default queue, a {@link CalendarEventQueue}. */
    public Simulator() {
        this(new CalendarEventQueue());
    }

    /** A simulator on the given (empty) queue. */
    public Simulator(EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        if (!queue.isEmpty()) {
            throw new IllegalArgumentException("queue must be empty");
        }
    }

    /**
     * Registers an event target and returns the index events for it carry. Only before the first
     * event is handled.
     */
    public int register(EventTarget target) {
        Objects.requireNonNull(target, "target");
        if (frozen) {
            throw new IllegalStateException("targets can only be registered before the run starts");
        }
        if (targetCount == targets.length) {
            targets = Arrays.copyOf(targets, targetCount * 2);
        }
        targets[targetCount] = target;
        return targetCount++;
    }

    /** Number of registered targets. */
    public int targetCount() {
        return targetCount;
    }

    /** The current simulated time in picoseconds. */
    public long nowPs() {
        return nowPs;
    }

    /** Events handled so far (over all runs). */
    public long eventsHandled() {
        return events;
    }

    /** Events currently pending. */
    public int pendingEvents() {
        return queue.size();
    }

    /**
     * Schedules an event.
     *
     * @param timePs absolute time, {@code nowPs() <= timePs < Long.MAX_VALUE}
     * @param band   priority band, {@code 0..}{@link Band#MAX}
     * @param target a registered target index
     * @param arg    primitive payload
     * @param ref    immutable reference payload, or null
     */
    public void schedule(long timePs, int band, int target, long arg, Object ref) {
        // one combined test keeps this method small enough to be inlined into every sender
        if (timePs < nowPs | timePs == Long.MAX_VALUE | (band & ~Band.MAX) != 0
                | Integer.compareUnsigned(target, targetCount) >= 0) {
            throw badSchedule(timePs, band, target);
        }
        queue.push(timePs, band, target, arg, ref);
    }

    private IllegalArgumentException badSchedule(long timePs, int band, int target) {
        if (timePs < nowPs || timePs == Long.MAX_VALUE) {
            return new IllegalArgumentException("cannot schedule at " + timePs + " ps: now is " + nowPs + " ps");
        }
        if (band < 0 || band > Band.MAX) {
            return new IllegalArgumentException("priority band must be in 0.." + Band.MAX + ", got " + band);
        }
        return new IllegalArgumentException("unknown event target " + target);
    }

    /** Schedules an event {@code delayPs >= 0} after now. */
    public void scheduleAfter(long delayPs, int band, int target, long arg, Object ref) {
        if (delayPs < 0) {
            throw new IllegalArgumentException("negative delay " + delayPs + " ps");
        }
        schedule(nowPs + delayPs, band, target, arg, ref);
    }

    /** Declares one more primary participant whose {@link #primaryDone()} the run waits for. */
    public void addPrimary() {
        primaries++;
    }

    /** One primary participant is done; when all are, the run stops after the current event. */
    public void primaryDone() {
        if (primariesDone >= primaries) {
            throw new IllegalStateException("more primaryDone() calls than primaries (" + primaries + ")");
        }
        if (++primariesDone == primaries) {
            stopRequested = true;
        }
    }

    /** Number of primaries declared, and how many are done. */
    public int primaries() {
        return primaries;
    }

    /** Number of primaries that reported done. */
    public int primariesDone() {
        return primariesDone;
    }

    /** Asks the run to stop after the current event. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Sets the heartbeat: a log line every {@code wallMillis} of wall time and/or every
     * {@code everyEvents} events; 0 turns either off. Default: every 10 s of wall time.
     */
    public void setHeartbeat(long wallMillis, long everyEvents) {
        if (wallMillis < 0 || everyEvents < 0) {
            throw new IllegalArgumentException("heartbeat intervals must be >= 0");
        }
        heartbeatMillis = wallMillis;
        heartbeatEvents = everyEvents;
    }

    /**
     * Runs until a termination condition holds (see the class comment).
     *
     * @param timeLimitPs no event later than this is handled; {@link Long#MAX_VALUE} for none
     */
    public RunSummary run(long timeLimitPs) {
        if (timeLimitPs < nowPs) {
            throw new IllegalArgumentException("time limit " + timeLimitPs + " ps is before now (" + nowPs + " ps)");
        }
        frozen = true;
        final long startEvents = events;
        final long startNanos = System.nanoTime();
        long nextBeatNanos = heartbeatMillis > 0 ? startNanos + heartbeatMillis * 1_000_000L : Long.MAX_VALUE;
        long nextBeatEvents = heartbeatEvents > 0 ? startEvents + heartbeatEvents : Long.MAX_VALUE;
        StopReason reason;
        while (true) {
            long chunk = CHUNK;
            if (nextBeatEvents - events < chunk) {
                chunk = Math.max(1, nextBeatEvents - events);
            }
            long n = loop(chunk, Math.min(timeLimitPs, Long.MAX_VALUE - 1));
            if (stopRequested) {
                stopRequested = false;
                reason = primaries > 0 && primariesDone == primaries ? StopReason.ALL_PRIMARY_DONE
                        : StopReason.STOP_REQUESTED;
                break;
            }
            if (n < chunk) {
                if (queue.isEmpty()) {
                    reason = StopReason.QUEUE_EMPTY;
                } else {
                    reason = StopReason.TIME_LIMIT;
                    nowPs = timeLimitPs;
                }
                break;
            }
            long nowNanos = System.nanoTime();
            if (nowNanos - nextBeatNanos >= 0 || events >= nextBeatEvents) {
                heartbeat(startEvents, startNanos, nowNanos);
                if (heartbeatMillis > 0) {
                    nextBeatNanos = nowNanos + heartbeatMillis * 1_000_000L;
                }
                if (heartbeatEvents > 0) {
                    nextBeatEvents = events + heartbeatEvents;
                }
            }
        }
        return new RunSummary(reason, nowPs, events - startEvents, queue.size());
    }

    /**
     * Handles at most {@code maxEvents} events with no time limit and no heartbeat; returns how
     * many were handled (fewer when the queue empties or a stop is requested, in which case the
     * request is consumed). For benchmarks and step-wise tests.
     */
    public long runEvents(long maxEvents) {
        frozen = true;
        long n = loop(maxEvents, Long.MAX_VALUE - 1);
        stopRequested = false;
        return n;
    }

    private long loop(long maxEvents, long limitPs) {
        final EventQueue q = queue;
        final EventTarget[] ts = targets;
        long n = 0;
        int touched = 0;
        while (n < maxEvents) {
            long t = q.popUntil(limitPs); // -1: empty, or the next event is after the limit
            if (t < 0) {
                break;
            }
            nowPs = t;
            EventTarget target = ts[q.poppedTarget()];
            long arg = q.poppedArg();
            Object ref = q.poppedRef();
            // staged software prefetch (see docs/engine.md): load the target object of the event
            // two pops ahead, and the objects the next event's target declared warm (whose
            // addresses are now in cache), so that the dispatch chain's misses overlap with this
            // event's work instead of following one another
            int far = q.upcomingTarget(2);
            if (far >= 0) {
                touched += ts[far].warm0 == null ? 1 : 0;
            }
            int next = q.upcomingTarget(1);
            if (next >= 0) {
                EventTarget e = ts[next];
                touched += (e.warm0.getClass() == e.warm1.getClass() ? 1 : 0)
                        + (e.warm2.getClass() == e.warm3.getClass() ? 1 : 0);
            }
            target.onEvent(arg, ref);
            n++;
            if (stopRequested) {
                break;
            }
        }
        prefetchSink += touched;
        events += n;
        return n;
    }

    private void heartbeat(long startEvents, long startNanos, long nowNanos) {
        if (LOG.isInfoEnabled()) {
            double seconds = (nowNanos - startNanos) / 1e9;
            long done = events - startEvents;
            LOG.info("heartbeat: simulated {} ps, {} events handled ({} M events/s), {} pending, wall {} s",
                    nowPs, done, String.format("%.2f", done / Math.max(seconds, 1e-9) / 1e6), queue.size(),
                    String.format("%.1f", seconds));
        }
    }
}
