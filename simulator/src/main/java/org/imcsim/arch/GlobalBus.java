package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * A shared chip bus in the style of NeuroSim: either its X-Y bus (a horizontal bus carries inputs to the
 * tiles, a separate vertical bus carries outputs back: two independent resources) or an H-tree whose
 * root is shared by both directions. A transfer of {@code b} bits is {@code ⌈b/widthBits⌉} beats; as in
 * NeuroSim each beat pays the whole wire delay, {@code max(1, ⌈wireDelay/clock⌉)} cycles (the wire is not
 * pipelined). Transfers on one resource are serialized in request order: that is its contention.
 */
public final class GlobalBus extends Component implements Interconnect {
    /** Actions counted. */
    public enum Action {
        /** One bit carried towards a tile. */
        BIT_TO_TILE,
        /** One bit carried towards the global buffer. */
        BIT_FROM_TILE
    }

    private final Actions<Action> actions;
    private final int tiles;
    private final int widthBits;
    private final long beatToTilePs;
    private final long beatFromTilePs;
    private final boolean separateDirections;
    private long freeToTilePs;
    private long freeFromTilePs;
    private TraceRecorder trace;
    private int traceLane;
    private int traceIn;
    private int traceOut;

    /**
     * @param tiles              tiles on the bus
     * @param widthBits          bits per beat (&ge; 1)
     * @param beatToTilePs       time of one beat towards a tile, ps (&ge; 1)
     * @param beatFromTilePs     time of one beat towards the global buffer, ps (&ge; 1)
     * @param separateDirections true for the X-Y bus (two buses), false for an H-tree (one root)
     */
    public GlobalBus(Component parent, String name, int tiles, int widthBits, long beatToTilePs, long beatFromTilePs,
                     boolean separateDirections) {
        super(parent, name);
        if (tiles < 1 || widthBits < 1 || beatToTilePs < 1 || beatFromTilePs < 1) {
            throw new IllegalArgumentException(path() + ": tiles, width and beat times must be >= 1");
        }
        this.tiles = tiles;
        this.widthBits = widthBits;
        this.beatToTilePs = beatToTilePs;
        this.beatFromTilePs = beatFromTilePs;
        this.separateDirections = separateDirections;
        this.actions = actions(Action.class);
    }

    /** Records transfers as spans (null: off). */
    public void trace(TraceRecorder recorder) {
        trace = recorder;
        if (recorder != null) {
            traceLane = recorder.lane(path());
            traceIn = recorder.name("toTile");
            traceOut = recorder.name("fromTile");
        }
    }

    @Override
    public long transfer(int src, int dst, long bits, long readyPs) {
        boolean toTile = src == tiles;
        if (toTile == (dst == tiles) || src < 0 || dst < 0 || src > tiles || dst > tiles) {
            throw new IllegalArgumentException(path() + ": transfers run between the global buffer (" + tiles
                    + ") and a tile, got " + src + " -> " + dst);
        }
        long beats = (bits + widthBits - 1) / widthBits;
        long dur = beats * (toTile ? beatToTilePs : beatFromTilePs);
        long start;
        if (toTile || !separateDirections) {
            start = Math.max(readyPs, Math.max(freeToTilePs, separateDirections ? 0 : freeFromTilePs));
            freeToTilePs = start + dur;
            if (!separateDirections) {
                freeFromTilePs = freeToTilePs;
            }
        } else {
            start = Math.max(readyPs, freeFromTilePs);
            freeFromTilePs = start + dur;
        }
        actions.add(toTile ? Action.BIT_TO_TILE : Action.BIT_FROM_TILE, bits);
        addBusyPs(dur);
        if (trace != null) {
            trace.span(traceLane, toTile ? traceIn : traceOut, start, start + dur);
        }
        return start + dur;
    }

    /**
     * A transfer on a share of the bus's wires that one layer owns (NeuroSim's accounting, used by the
     * {@code neurosim-serial} dataflow): {@code ⌈bits/(widthBits·share)⌉} beats; the share is the caller's
     * own, so it does not wait for or block other transfers (the caller serializes its own transfers).
     * Counts the bits and {@code share ×} the time as busy time.
     *
     * @param toTile  direction (towards the tiles, or back to the global buffer)
     * @param share   fraction of the wires in (0, 1]
     * @param beatPs  time of one beat on the share, ps (NeuroSim measures the run with the layer's tile pitch)
     * @return the end of the last beat, ps
     */
    public long transferOnShare(boolean toTile, long bits, double share, long beatPs, long readyPs) {
        if (!(share > 0 && share <= 1) || beatPs < 1) {
            throw new IllegalArgumentException(path() + ": share must be in (0, 1] and beatPs >= 1, got " + share
                    + ", " + beatPs);
        }
        long beats = (long) Math.ceil(bits / (widthBits * share));
        long dur = beats * beatPs;
        actions.add(toTile ? Action.BIT_TO_TILE : Action.BIT_FROM_TILE, bits);
        addBusyPs((long) (dur * share));
        if (trace != null) {
            trace.span(traceLane, toTile ? traceIn : traceOut, readyPs, readyPs + dur);
        }
        return readyPs + dur;
    }

    @Override
    public int globalBufferNode() {
        return tiles;
    }

    @Override
    public int resources() {
        return separateDirections ? 2 : 1;
    }

    @Override
    public boolean broadcasts() {
        return true;
    }

    @Override
    public long bitsToTiles() {
        return actions.get(Action.BIT_TO_TILE);
    }

    @Override
    public long bitsFromTiles() {
        return actions.get(Action.BIT_FROM_TILE);
    }
}
