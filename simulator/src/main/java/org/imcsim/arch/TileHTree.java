package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * The H-tree inside a tile (or a group of tiles holding one layer copy) between its buffers and its PEs:
 * {@code widthBits} wires; as in NeuroSim every beat pays the root-to-leaf wire delay rounded up to whole
 * clocks ({@code beatPs}), and beats are serialized in request order.
 *
 * <p>Contract: {@code transfer(ready, b)} starts at {@code max(ready, free)}, takes {@code ⌈b/width⌉·beatPs}
 * and returns the end; it counts {@code b} bits and the time as busy time.
 */
public final class TileHTree extends Component {
    /** Actions counted. */
    public enum Action {
        /** One bit carried between the tile buffers and a PE. */
        BIT
    }

    private final Actions<Action> actions;
    private final int widthBits;
    private final long beatPs;
    private long freeAtPs;

    /**
     * @param widthBits wires (&ge; 1)
     * @param beatPs    time of one beat, ps (&ge; 1)
     */
    public TileHTree(Component parent, String name, int widthBits, long beatPs) {
        super(parent, name);
        if (widthBits < 1 || beatPs < 1) {
            throw new IllegalArgumentException(path() + ": width and beat time must be >= 1");
        }
        this.widthBits = widthBits;
        this.beatPs = beatPs;
        this.actions = actions(Action.class);
    }

    /** Carries {@code bits}, starting no earlier than {@code readyPs}; returns when the last beat ends. */
    public long transfer(long readyPs, long bits) {
        long start = Math.max(readyPs, freeAtPs);
        long dur = (bits + widthBits - 1) / widthBits * beatPs;
        freeAtPs = start + dur;
        actions.add(Action.BIT, bits);
        addBusyPs(dur);
        return start + dur;
    }

    /** Bits carried. */
    public long bits() {
        return actions.get(Action.BIT);
    }
}
