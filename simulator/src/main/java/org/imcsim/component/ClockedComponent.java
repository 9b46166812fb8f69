package org.imcsim.component;

import java.util.Objects;
import org.imcsim.engine.Band;
import org.imcsim.engine.ClockDomain;

/**
 * A component driven by the rising edges of a {@link ClockDomain}, ticked only while it has work.
 *
 * <p>There is no global tick loop: a sleeping component costs nothing. It asks to be woken
 * ({@link #wake()}, typically from an input handler), and each {@link #tick(long)} returns how many
 * cycles until it wants the next tick, or 0 to sleep until woken again. Ticks run in band
 * {@link Band#TICK}, after all deliveries at the same edge, so a tick sees every input that
 * arrived at or before its edge. A component is ticked at most once per cycle.
 */
public abstract class ClockedComponent extends Component {
    private static final long NONE = Long.MAX_VALUE;
    private final ClockDomain clock;
    private final Ticker ticker;
    private long nextTickCycle = NONE;
    private long lastTickCycle = -1;

    /** A clocked component under {@code parent}, ticked by {@code clock}. */
    protected ClockedComponent(Component parent, String name, ClockDomain clock) {
        super(parent, name);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = new Ticker(this);
        targets.add(ticker);
    }

    /** The clock domain. */
    public final ClockDomain clock() {
        return clock;
    }

    /**
     * Does one cycle's work at the edge of {@code cycle}.
     *
     * @return cycles until the next wanted tick (&ge; 1), or 0 to sleep until {@link #wake()}
     */
    protected abstract long tick(long cycle);

    /**
     * Ensures a tick at the first edge at or after now that has not been ticked yet. No effect if
     * an earlier or equal tick is already scheduled.
     */
    protected final void wake() {
        long c = clock.cycleAtOrAfter(nowPs());
        if (c <= lastTickCycle) {
            c = lastTickCycle + 1;
        }
        requestTick(c);
    }

    /**
     * Ensures a tick at cycle {@code cycle} (whose edge must not be in the past), unless an
     * earlier one is already scheduled. A later scheduled tick is superseded.
     */
    protected final void wakeAtCycle(long cycle) {
        if (cycle <= lastTickCycle || clock.edgePs(cycle) < nowPs()) {
            throw new IllegalArgumentException(path() + ": cycle " + cycle + " is in the past");
        }
        requestTick(cycle);
    }

    /** The cycle in progress now (the last edge at or before now). */
    protected final long currentCycle() {
        return clock.cycleAt(nowPs());
    }

    /** Adds {@code n} cycles of busy time (converted exactly from the clock period). */
    protected final void addBusyCycles(long n) {
        addBusyPs(clock.cyclesToPs(n));
    }

    private void requestTick(long c) {
        if (c < nextTickCycle) {
            nextTickCycle = c;
            // the tick event carries its cycle: a superseded later tick finds a mismatch and is ignored
            sim.schedule(clock.edgePs(c), Band.TICK, ticker.id, c, null);
        }
    }

    private void onTick(long cycle) {
        if (cycle != nextTickCycle) {
            return; // superseded by an earlier wake
        }
        nextTickCycle = NONE;
        lastTickCycle = cycle;
        long again = tick(cycle);
        if (again < 0) {
            throw new IllegalStateException(path() + ": tick returned " + again + " (must be >= 0)");
        }
        if (again > 0) {
            requestTick(cycle + again);
        }
    }

    private static final class Ticker extends BoundTarget {
        private final ClockedComponent owner;

        Ticker(ClockedComponent owner) {
            super(owner, "tick");
            this.owner = owner;
            this.band = Band.TICK;
        }

        @Override
        protected void onEvent(long arg, Object ref) {
            owner.onTick(arg);
        }
    }
}
