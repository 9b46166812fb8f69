package org.imcsim.component;

/**
 * A component's event to itself with a {@code long} payload: "call me back at time t with v".
 * Declared in the constructor with {@code timer(name, handler)}; any number may be pending.
 */
public final class LongTimer extends BoundTarget {
    private final LongHandler handler;

    LongTimer(Component owner, String name, LongHandler handler) {
        super(owner, name);
        this.handler = handler;
        this.hotHandler = handler;
    }

    /** Sets the priority band (default DELIVER). Only during construction; returns this. */
    public LongTimer band(int band) {
        setBand(band);
        return this;
    }

    /** Fires at absolute time {@code timePs} (&ge; now) with {@code value}. */
    public void scheduleAt(long timePs, long value) {
        if (sim == null) {
            throw new IllegalStateException(owner.path() + "." + name + ": timer used before the system was built");
        }
        sim.schedule(timePs, band, id, value, null);
    }

    /** Fires {@code delayPs} (&ge; 0) after now with {@code value}. */
    public void scheduleIn(long delayPs, long value) {
        if (sim == null) {
            throw new IllegalStateException(owner.path() + "." + name + ": timer used before the system was built");
        }
        sim.scheduleAfter(delayPs, band, id, value, null);
    }

    /** The timer's name within its component. */
    public String name() {
        return name;
    }

    @Override
    protected void onEvent(long arg, Object ref) {
        handler.onLong(arg);
    }

    @Override
    public String toString() {
        return owner.path() + "." + name;
    }
}
