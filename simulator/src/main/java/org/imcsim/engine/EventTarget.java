package org.imcsim.engine;

/**
 * Something the engine delivers events to: an input port, a timer, a clock-tick hook. Registered
 * once with {@link Simulator#register} before the run, which returns the int index events carry;
 * dispatch is then {@code targets[index].onEvent(arg, ref)} — an array load and one virtual call,
 * with no boxing, tag switch or reflection.
 */
public abstract class EventTarget {

    /** Constructor for subclasses. */
    protected EventTarget() {
    }

    /**
     * Handles one event at the engine's current time.
     *
     * @param arg the primitive payload given when the event was scheduled
     * @param ref the reference payload (an immutable message), or null
     */
    protected abstract void onEvent(long arg, Object ref);

    /**
     * Touches the memory {@link #onEvent} is likely to read, so that it is in cache when this
     * target's event is dispatched: the engine calls this on the target of the next pending event
     * while it dispatches the current one. Must have no side effects; the result is only summed.
     * The default touches nothing.
     */
    protected int prefetch() {
        return 0;
    }
}
