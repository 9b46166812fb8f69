package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * The chip-level activation and pooling unit (NeuroSim puts ReLU and max-pool at chip level): {@code lanes}
 * values per issue pass through ReLU ({@code reluPs} per issue) and, where a pool follows, the max-pool
 * units take {@code poolLanes} values per issue ({@code poolPs} each). Shared by every layer: a real
 * contention point.
 *
 * <p>Contract: {@code process(ready, n, pool)} starts at {@code max(ready, free)}, holds the unit for
 * {@code ⌈n/lanes⌉·reluPs + (pool ? ⌈n/poolLanes⌉·poolPs : 0)}, returns the end; counts {@code n}
 * activations and, with pooling, {@code n} pooled values.
 */
public final class ActivationUnit extends Component {
    /** Actions counted. */
    public enum Action {
        /** One value through the activation function. */
        ACTIVATE,
        /** One value into a max-pool window. */
        POOL_VALUE
    }

    private final Actions<Action> actions;
    private final int lanes;
    private final long reluPs;
    private final long poolPs;
    private final int poolLanes;
    private long freeAtPs;

    /**
     * @param lanes     values per activation issue (&ge; 1)
     * @param reluPs    time of one activation issue, ps (&ge; 1)
     * @param poolLanes values per pooling issue (&ge; 1; NeuroSim: max-pool units × window)
     * @param poolPs    time of one pooling issue, ps (&ge; 0)
     */
    public ActivationUnit(Component parent, String name, int lanes, long reluPs, int poolLanes, long poolPs) {
        super(parent, name);
        if (lanes < 1 || reluPs < 1 || poolLanes < 1 || poolPs < 0) {
            throw new IllegalArgumentException(path() + ": lanes, poolLanes, reluPs >= 1 and poolPs >= 0 required");
        }
        this.lanes = lanes;
        this.poolLanes = poolLanes;
        this.reluPs = reluPs;
        this.poolPs = poolPs;
        this.actions = actions(Action.class);
    }

    /** Processes {@code values} outputs ready at {@code readyPs}; returns when they are done. */
    public long process(long readyPs, long values, boolean pool) {
        long start = Math.max(readyPs, freeAtPs);
        long dur = (values + lanes - 1) / lanes * reluPs + (pool ? (values + poolLanes - 1) / poolLanes * poolPs : 0);
        freeAtPs = start + dur;
        actions.add(Action.ACTIVATE, values);
        if (pool) {
            actions.add(Action.POOL_VALUE, values);
        }
        addBusyPs(dur);
        return start + dur;
    }

    /** Activations counted. */
    public long activations() {
        return actions.get(Action.ACTIVATE);
    }

    /** Pooled values counted. */
    public long pooledValues() {
        return actions.get(Action.POOL_VALUE);
    }
}
