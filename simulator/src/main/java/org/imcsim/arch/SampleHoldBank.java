package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * Sample-and-hold capacitors on the columns of a bank of arrays: one sample per column per bit-plane
 * freezes the column currents so the array can be released while the shared ADCs convert. Present only
 * in organisations that have one (NeuroSim's current-mode sense amps and SAR ADCs sense directly).
 *
 * <p>Contract: {@code sample(at)} counts {@code columns} samples and returns {@code at + samplePs}.
 */
public final class SampleHoldBank extends Component {
    /** Actions counted. */
    public enum Action {
        /** One column sampled. */
        SAMPLE
    }

    private final Actions<Action> actions;
    private final int columns;
    private final long samplePs;

    /**
     * @param columns  sampled columns in the bank (&ge; 1)
     * @param samplePs acquisition time, ps (&ge; 0)
     */
    public SampleHoldBank(Component parent, String name, int columns, long samplePs) {
        super(parent, name);
        if (columns < 1 || samplePs < 0) {
            throw new IllegalArgumentException(path() + ": columns must be >= 1 and samplePs >= 0");
        }
        this.columns = columns;
        this.samplePs = samplePs;
        this.actions = actions(Action.class);
    }

    /** Samples every column at {@code atPs}; returns when the values are held. */
    public long sample(long atPs) {
        actions.add(Action.SAMPLE, columns);
        addBusyPs(samplePs);
        return atPs + samplePs;
    }

    /** Samples counted. */
    public long samples() {
        return actions.get(Action.SAMPLE);
    }
}
