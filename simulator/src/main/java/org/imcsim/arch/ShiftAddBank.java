package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * The shift-and-add units behind the ADCs of a bank of arrays: they merge the weight slices of a
 * logical column (shifts by {@code s·cellBits}) and the input bit-planes of a vector (shifts by
 * {@code k·dacBits}, the most significant plane subtracted for two's-complement inputs); a power-of-two
 * weight scale ({@code scale: pow2}) is one more shift in the same unit. One merge per unit per clock,
 * pipelined behind the conversions: only the last plane's merge adds latency.
 *
 * <p>Contract: {@code merge(at, w, i)} counts {@code w} weight-slice merges and {@code i} input-plane
 * merges (each over all units) and returns {@code at + mergePs}.
 */
public final class ShiftAddBank extends Component {
    /** Actions counted. */
    public enum Action {
        /** One weight-slice merge on every unit of the bank (per array). */
        WEIGHT_MERGE,
        /** One input-plane merge on every unit of the bank (per array). */
        INPUT_MERGE
    }

    private final Actions<Action> actions;
    private final int arrays;
    private final long mergePs;

    /**
     * @param arrays  arrays whose shift-adders this bank stands for (&ge; 1)
     * @param mergePs latency of one shift-add, ps (&ge; 0; whole clock cycles)
     */
    public ShiftAddBank(Component parent, String name, int arrays, long mergePs) {
        super(parent, name);
        if (arrays < 1 || mergePs < 0) {
            throw new IllegalArgumentException(path() + ": arrays must be >= 1 and mergePs >= 0");
        }
        this.arrays = arrays;
        this.mergePs = mergePs;
        this.actions = actions(Action.class);
    }

    /** Merges conversion results ready at {@code atPs}; returns when the partial sum is updated. */
    public long merge(long atPs, int weightMerges, int inputMerges) {
        actions.add(Action.WEIGHT_MERGE, (long) weightMerges * arrays);
        actions.add(Action.INPUT_MERGE, (long) inputMerges * arrays);
        addBusyPs(mergePs);
        return atPs + mergePs;
    }

    /** Latency of one merge, ps. */
    public long mergePs() {
        return mergePs;
    }

    /** Weight merges counted (per array). */
    public long weightMerges() {
        return actions.get(Action.WEIGHT_MERGE);
    }

    /** Input merges counted (per array). */
    public long inputMerges() {
        return actions.get(Action.INPUT_MERGE);
    }
}
