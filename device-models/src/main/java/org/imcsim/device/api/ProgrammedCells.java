package org.imcsim.device.api;

/**
 * The state of a batch of programmed cells in primitive arrays (struct of arrays), filled by
 * {@link DeviceModel#program} and read back by {@link DeviceModel#conductance} and
 * {@link DeviceModel#readNoiseSigma}. One instance can hold a whole chip: index {@code i} is one
 * cell, and the caller decides the layout. The arrays are exposed for speed; only a device model
 * writes them, and the values in {@link #drift} are private to the model that programmed them.
 *
 * <p>Not thread-safe for concurrent writes to the same index range; disjoint ranges may be
 * programmed by different threads.
 */
public final class ProgrammedCells {
    /** The cell works normally. */
    public static final byte FREE = 0;
    /** The cell is stuck in its low-resistance state: it reads {@code gMax} whatever was programmed. */
    public static final byte STUCK_LRS = 1;
    /** The cell is stuck in its high-resistance state: it reads {@code gMin} whatever was programmed. */
    public static final byte STUCK_HRS = 2;

    /** Programmed conductance right after programming (t = 0), siemens, never negative. */
    public final float[] gS;
    /**
     * Per-device drift/relaxation parameter drawn once at programming; its meaning belongs to the
     * model that wrote it (PCM: drift exponent ν; RRAM: relaxation in siemens per decade of time).
     * Zero for models without drift and for stuck cells.
     */
    public final float[] drift;
    /** {@link #FREE}, {@link #STUCK_LRS} or {@link #STUCK_HRS}. */
    public final byte[] stuck;

    /** Room for {@code capacity} cells, all zero and {@link #FREE}. */
    public ProgrammedCells(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        this.gS = new float[capacity];
        this.drift = new float[capacity];
        this.stuck = new byte[capacity];
    }

    /** Number of cells this instance can hold. */
    public int capacity() {
        return gS.length;
    }

    /** The name of a stuck state, for reports: {@code "free"}, {@code "stuck-at-LRS"}, {@code "stuck-at-HRS"}. */
    public static String stateName(byte state) {
        return switch (state) {
            case FREE -> "free";
            case STUCK_LRS -> "stuck-at-LRS";
            case STUCK_HRS -> "stuck-at-HRS";
            default -> throw new IllegalArgumentException("unknown cell state " + state);
        };
    }
}
