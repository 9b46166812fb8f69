package org.imcsim.component.example;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;
import org.imcsim.component.LongOutPort;
import org.imcsim.component.LongTimer;

/**
 * Emits {@code items} items on {@code out}, the first at time 0, then one every
 * {@code intervalPs} plus a uniform random jitter in [0, jitterPs] drawn from this component's
 * stream. Each item's payload is its emission time in ps, so the sink can measure latency.
 */
public final class PipelineSource extends Component {
    /** Actions counted. */
    public enum Action {
        /** One item sent. */
        EMIT
    }

    private final LongOutPort out;
    private final LongTimer next;
    private final Actions<Action> actions;
    private final int items;
    private final long intervalPs;
    private final long jitterPs;

    /**
     * @param items      number of items, &ge; 1
     * @param intervalPs base spacing between emissions, &ge; 0
     * @param jitterPs   extra random spacing bound, &ge; 0
     */
    public PipelineSource(Component parent, String name, int items, long intervalPs, long jitterPs) {
        super(parent, name);
        if (items < 1 || intervalPs < 0 || jitterPs < 0) {
            throw new IllegalArgumentException(path() + ": need items >= 1, intervalPs >= 0, jitterPs >= 0");
        }
        this.items = items;
        this.intervalPs = intervalPs;
        this.jitterPs = jitterPs;
        out = longOut("out");
        next = timer("next", this::emit);
        actions = actions(Action.class);
    }

    /** The output port (item payload: emission time in ps). */
    public LongOutPort out() {
        return out;
    }

    @Override
    protected void setup() {
        next.scheduleAt(0, 0);
    }

    private void emit(long index) {
        out.send(nowPs());
        actions.add(Action.EMIT);
        if (index + 1 < items) {
            long gap = intervalPs + (jitterPs > 0 ? random().nextLong(jitterPs + 1) : 0);
            next.scheduleIn(gap, index + 1);
        }
    }
}
