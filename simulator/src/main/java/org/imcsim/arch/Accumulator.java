package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * The adder trees that sum the partial sums of a layer copy's row-blocks (arrays into a PE, PEs into a
 * tile, tiles at chip level): {@code lanes} trees work in parallel, each reducing one output column's
 * partial sums per issue; a batch of {@code outputs} takes {@code ⌈outputs/lanes⌉} issues of
 * {@code issuePs} each, and the last result leaves {@code treeLatencyPs} after its issue.
 *
 * <p>Contract: {@code reduce(ready, outputs, inputs)} with {@code inputs = 1} returns {@code ready} (no
 * tree in the path); otherwise it starts at {@code max(ready, free)}, holds the trees for
 * {@code ⌈outputs/lanes⌉·issuePs} and returns that plus {@code treeLatencyPs}; it counts
 * {@code outputs·(inputs − 1)} two-input additions.
 */
public final class Accumulator extends Component {
    /** Actions counted. */
    public enum Action {
        /** One two-input addition of partial sums. */
        ADD
    }

    private final Actions<Action> actions;
    private final int lanes;
    private final long issuePs;
    private final long treeLatencyPs;
    private long freeAtPs;

    /**
     * @param lanes         parallel trees (&ge; 1)
     * @param issuePs       time between issues, ps (&ge; 1)
     * @param treeLatencyPs pipeline latency of a tree, ps (&ge; 0)
     */
    public Accumulator(Component parent, String name, int lanes, long issuePs, long treeLatencyPs) {
        super(parent, name);
        if (lanes < 1 || issuePs < 1 || treeLatencyPs < 0) {
            throw new IllegalArgumentException(path() + ": lanes, issuePs >= 1 and treeLatencyPs >= 0 required");
        }
        this.lanes = lanes;
        this.issuePs = issuePs;
        this.treeLatencyPs = treeLatencyPs;
        this.actions = actions(Action.class);
    }

    /** Reduces {@code inputs} partial sums for each of {@code outputs} columns; returns when done. */
    public long reduce(long readyPs, long outputs, int inputs) {
        if (inputs <= 1 || outputs == 0) {
            return readyPs;
        }
        long start = Math.max(readyPs, freeAtPs);
        long hold = (outputs + lanes - 1) / lanes * issuePs;
        freeAtPs = start + hold;
        actions.add(Action.ADD, outputs * (inputs - 1));
        addBusyPs(hold);
        return start + hold + treeLatencyPs;
    }

    /** Additions counted. */
    public long adds() {
        return actions.get(Action.ADD);
    }
}
