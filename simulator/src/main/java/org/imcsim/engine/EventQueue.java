package org.imcsim.engine;

/**
 * The pending-event set of the engine.
 *
 * <p><b>Ordering contract.</b> Events leave in ascending order of the key
 * (time, band, sequence), where {@code sequence} is the number of pushes made on this queue
 * before this one (insertion order). The key is a total order, so the output order is fully
 * determined by the sequence of calls: every implementation must pop exactly the same events in
 * exactly the same order (tests check them against each other).
 *
 * <p>An event carries a target index (into the engine's handler table), a primitive
 * {@code long} argument and an optional reference (an immutable message; {@code null} for
 * primitive events). Implementations are allocation-free in steady state: they store events in
 * primitive arrays that grow by doubling and never shrink. They are not thread-safe.
 *
 * <p>Pops are read through the {@code popped*} accessors, which describe the most recent
 * {@link #pop()} until the next one.
 */
public interface EventQueue {

    /**
     * Adds an event.
     *
     * @param timePs when it fires, in picoseconds, &ge; 0 and &ge; the time of the last pop
     * @param band   priority band, {@code 0..}{@link Band#MAX}
     * @param target the handler index the engine dispatches to, &ge; 0
     * @param arg    primitive payload
     * @param ref    reference payload, or null
     */
    void push(long timePs, int band, int target, long arg, Object ref);

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} when empty. */
    long peekTime();

    /**
     * Removes the earliest pending event and returns its time; its other fields are then
     * available from the {@code popped*} accessors.
     *
     * @throws java.util.NoSuchElementException when empty
     */
    long pop();

    /**
     * Pops the earliest pending event if its time is at most {@code limitPs} and returns that
     * time; otherwise (also when empty) pops nothing and returns -1. The engine's loop uses this
     * instead of {@link #peekTime()} followed by {@link #pop()}, so that an implementation can
     * test its fast path once.
     */
    default long popUntil(long limitPs) {
        long t = peekTime();
        if (t > limitPs) {
            return -1;
        }
        return pop();
    }

    /** Band of the last popped event. */
    int poppedBand();

    /** Target index of the last popped event. */
    int poppedTarget();

    /** Primitive payload of the last popped event. */
    long poppedArg();

    /** Reference payload of the last popped event (null for primitive events). */
    Object poppedRef();

    /** Number of pending events. */
    int size();

    /** True when no event is pending. */
    default boolean isEmpty() {
        return size() == 0;
    }

    /**
     * A hint for the engine's software prefetch: the target of the event that will be popped
     * {@code ahead} pops after the last one (1 = the next), or -1 when not cheaply known. Has no
     * effect on the order; implementations may always return -1.
     */
    default int upcomingTarget(int ahead) {
        return -1;
    }

    /** Removes all events and restarts the sequence numbering at 0. */
    void clear();
}
