package org.imcsim.component.example;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;
import org.imcsim.component.LongInPort;
import org.imcsim.component.StatWriter;

/**
 * Receives items whose payload is their emission time and records end-to-end latency. Primary:
 * reports done when {@code expected} items have arrived.
 */
public final class PipelineSink extends Component {
    /** Actions counted. */
    public enum Action {
        /** One item received. */
        RECEIVE
    }

    private final LongInPort in;
    private final Actions<Action> actions;
    private final int expected;
    private long received;
    private long latencySumPs;
    private long latencyMinPs = Long.MAX_VALUE;
    private long latencyMaxPs;
    private long lastArrivalPs;

    /** @param expected items to wait for, &ge; 1 */
    public PipelineSink(Component parent, String name, int expected) {
        super(parent, name);
        if (expected < 1) {
            throw new IllegalArgumentException(path() + ": expected must be >= 1, got " + expected);
        }
        this.expected = expected;
        in = longIn("in", this::receive);
        actions = actions(Action.class);
        primary();
    }

    /** The input port (payload: emission time in ps). */
    public LongInPort in() {
        return in;
    }

    private void receive(long emittedPs) {
        long now = nowPs();
        long latency = now - emittedPs;
        actions.add(Action.RECEIVE);
        received++;
        latencySumPs += latency;
        latencyMinPs = Math.min(latencyMinPs, latency);
        latencyMaxPs = Math.max(latencyMaxPs, latency);
        lastArrivalPs = now;
        if (received == expected) {
            done();
        }
    }

    @Override
    protected void reportStats(StatWriter w) {
        w.put("latencySumPs", latencySumPs)
                .put("latencyMinPs", received == 0 ? 0 : latencyMinPs)
                .put("latencyMaxPs", latencyMaxPs)
                .put("lastArrivalPs", lastArrivalPs);
    }
}
