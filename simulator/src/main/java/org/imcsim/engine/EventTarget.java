package org.imcsim.engine;

/**
 * Something the engine delivers events to: an input port, a timer, a clock-tick hook. Registered
 * once with {@link Simulator#register} before the run, which returns the int index events carry;
 * dispatch is then {@code targets[index].onEvent(arg, ref)} — an array load and one virtual call,
 * with no boxing, tag switch or reflection.
 */
public abstract class EventTarget {

    // Objects onEvent is likely to read first (never null: the target itself when unknown). The
    // engine's staged software prefetch reads this target's fields two events ahead and the
    // headers of these objects one event ahead (see Simulator#loop); package-private so that
    // the loop reads them without a virtual call.
    Object warm0 = this;
    Object warm1 = this;
    Object warm2 = this;
    Object warm3 = this;

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
     * Declares the (up to four) objects {@link #onEvent} reads first — e.g. the handler, the
     * owning component, its counters, its output port — so that the engine can load them into
     * the cache while the event before this target's is handled. A hint only: it never changes
     * what runs. Null entries mean "none" (the target itself is used).
     */
    protected final void setWarmObjects(Object a, Object b, Object c, Object d) {
        warm0 = a == null ? this : a;
        warm1 = b == null ? this : b;
        warm2 = c == null ? this : c;
        warm3 = d == null ? this : d;
    }
}
