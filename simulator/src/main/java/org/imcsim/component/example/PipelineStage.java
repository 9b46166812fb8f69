package org.imcsim.component.example;

import org.imcsim.component.Actions;
import org.imcsim.component.ClockedComponent;
import org.imcsim.component.Component;
import org.imcsim.component.LongInPort;
import org.imcsim.component.LongOutPort;
import org.imcsim.component.StatWriter;
import org.imcsim.engine.ClockDomain;

/**
 * A single-server FIFO stage: serves one item at a time for {@code serviceCycles} cycles.
 *
 * <p>Timing contract: an item that arrives at or before the edge of cycle {@code c} (and finds
 * the server free) starts at {@code c} and leaves at the edge of {@code c + serviceCycles}, where
 * the next queued item starts. So {@code start = max(first edge >= arrival, previous done)},
 * {@code done = start + serviceCycles}. The stage sleeps between items (no idle ticks).
 */
public final class PipelineStage extends ClockedComponent {
    /** Actions counted. */
    public enum Action {
        /** An item arrived and was queued. */
        ACCEPT,
        /** Service of an item began. */
        START,
        /** An item finished and was sent on. */
        COMPLETE
    }

    private final LongInPort in;
    private final LongOutPort out;
    private final Actions<Action> actions;
    private final long serviceCycles;
    private long[] fifo = new long[16];
    private int head;
    private int count;
    private boolean busy;
    private long current;
    private long doneCycle;
    private int maxQueue;

    /** @param serviceCycles cycles per item, &ge; 1 */
    public PipelineStage(Component parent, String name, ClockDomain clock, long serviceCycles) {
        super(parent, name, clock);
        if (serviceCycles < 1) {
            throw new IllegalArgumentException(path() + ": serviceCycles must be >= 1, got " + serviceCycles);
        }
        this.serviceCycles = serviceCycles;
        in = longIn("in", this::accept);
        out = longOut("out");
        actions = actions(Action.class);
    }

    /** The input port. */
    public LongInPort in() {
        return in;
    }

    /** The output port. */
    public LongOutPort out() {
        return out;
    }

    private void accept(long item) {
        actions.add(Action.ACCEPT);
        if (count == fifo.length) {
            long[] bigger = new long[fifo.length * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = fifo[(head + i) & (fifo.length - 1)];
            }
            fifo = bigger;
            head = 0;
        }
        fifo[(head + count) & (fifo.length - 1)] = item;
        count++;
        maxQueue = Math.max(maxQueue, count);
        wake();
    }

    @Override
    protected long tick(long cycle) {
        if (busy && cycle == doneCycle) {
            out.send(current);
            actions.add(Action.COMPLETE);
            busy = false;
        }
        if (!busy && count > 0) {
            current = fifo[head];
            head = (head + 1) & (fifo.length - 1);
            count--;
            busy = true;
            doneCycle = cycle + serviceCycles;
            addBusyCycles(serviceCycles);
            actions.add(Action.START);
        }
        return busy ? doneCycle - cycle : 0;
    }

    @Override
    protected void reportStats(StatWriter w) {
        w.put("maxQueue", maxQueue);
    }
}
