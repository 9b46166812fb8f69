package org.imcsim.device.api;

import java.util.random.RandomGenerator;

/**
 * Holds the {@link CellParameters} every model shares and implements the getters for them, the
 * stuck-cell draw, and the batch loops in terms of the per-cell methods. Built-in models extend it
 * and override the batch methods with tight loops where speed matters; a third-party model may
 * extend it too.
 */
public abstract class BaseDeviceModel implements DeviceModel {
    protected final CellParameters cell;
    /** {@code stuckAtLrs}, and {@code stuckAtLrs + stuckAtHrs}: thresholds on one uniform draw. */
    protected final double stuckLrsBelow;
    protected final double stuckAnyBelow;
    /** ln(1 − stuckAtLrs − stuckAtHrs), for {@link #stuckGap}. */
    private final double logFree;
    /** Size of the per-call cache of per-target coefficients (a power of two). */
    protected static final int CACHE_SIZE = 256;
    /** A key no target conductance has (a NaN bit pattern). */
    protected static final int CACHE_EMPTY = 0x7fc0dead;

    protected BaseDeviceModel(CellParameters cell) {
        this.cell = cell;
        this.stuckLrsBelow = cell.stuckAtLrs();
        this.stuckAnyBelow = cell.stuckAtLrs() + cell.stuckAtHrs();
        this.logFree = Math.log1p(-stuckAnyBelow);
    }

    /** The shared parameters this model was built with. */
    public CellParameters cellParameters() {
        return cell;
    }

    @Override
    public int cellBits() {
        return cell.cellBits();
    }

    @Override
    public double gMinS() {
        return cell.gMinS();
    }

    @Override
    public double gMaxS() {
        return cell.gMaxS();
    }

    @Override
    public CellType cellType() {
        return cell.cellType();
    }

    @Override
    public double cellHeightF() {
        return cell.cellHeightF();
    }

    @Override
    public double cellWidthF() {
        return cell.cellWidthF();
    }

    @Override
    public double readVoltageV() {
        return cell.readVoltageV();
    }

    @Override
    public double readPulseS() {
        return cell.readPulseS();
    }

    @Override
    public double stuckAtLrsFraction() {
        return cell.stuckAtLrs();
    }

    @Override
    public double stuckAtHrsFraction() {
        return cell.stuckAtHrs();
    }

    /** True if any cell can be stuck; when false, {@link #stuckGap} must not be called. */
    protected final boolean hasStuckCells() {
        return stuckAnyBelow > 0;
    }

    /**
     * Number of free cells before the next stuck one: a geometric draw with success probability
     * {@code stuckAtLrs + stuckAtHrs}, so programming spends one uniform draw per stuck cell
     * instead of one per cell (the cells' states are still i.i.d. Bernoulli). Only call when
     * {@link #hasStuckCells()}.
     */
    protected final long stuckGap(RandomGenerator rng) {
        if (stuckAnyBelow >= 1) {
            return 0;
        }
        double g = Math.floor(Math.log1p(-rng.nextDouble()) / logFree);
        return g >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) g;
    }

    /** Which state a stuck cell is in: LRS with probability stuckAtLrs/(stuckAtLrs + stuckAtHrs), else HRS. */
    protected final byte stuckState(RandomGenerator rng) {
        return rng.nextDouble() * stuckAnyBelow < stuckLrsBelow ? ProgrammedCells.STUCK_LRS : ProgrammedCells.STUCK_HRS;
    }

    /** Writes a stuck cell: its fixed conductance, no drift. */
    protected final void writeStuck(ProgrammedCells out, int i, byte state) {
        out.stuck[i] = state;
        out.gS[i] = (float) (state == ProgrammedCells.STUCK_LRS ? cell.gMaxS() : cell.gMinS());
        out.drift[i] = 0f;
    }

    /** Slot of a target's float bits in a direct-mapped cache of {@link #CACHE_SIZE} entries. */
    protected static int cacheSlot(int bits) {
        return (bits * 0x9E3779B9) >>> 24;
    }

    /** A fresh cache key array, all empty. */
    protected static int[] newCacheKeys() {
        int[] k = new int[CACHE_SIZE];
        java.util.Arrays.fill(k, CACHE_EMPTY);
        return k;
    }

    /** Conductance of a stuck cell ({@code gMax} or {@code gMin}). */
    protected final double stuckConductanceS(byte state) {
        return state == ProgrammedCells.STUCK_LRS ? cell.gMaxS() : cell.gMinS();
    }

    @Override
    public void conductance(ProgrammedCells cells, int from, int to, double tS, float[] outS) {
        checkRange(cells, from, to);
        for (int i = from; i < to; i++) {
            outS[i] = (float) conductanceS(cells.gS[i], cells.drift[i], cells.stuck[i], tS);
        }
    }

    @Override
    public void readNoiseSigma(ProgrammedCells cells, int from, int to, double tS, float[] outS) {
        checkRange(cells, from, to);
        for (int i = from; i < to; i++) {
            outS[i] = (float) readNoiseSigmaS(cells.gS[i], cells.drift[i], cells.stuck[i], tS);
        }
    }

    /** Range check shared by the batch methods (cheap, once per call). */
    protected static void checkRange(ProgrammedCells cells, int from, int to) {
        if (from < 0 || to > cells.capacity() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside 0.." + cells.capacity());
        }
    }

    /** Range check for {@link #program}. */
    protected static void checkRange(float[] targetS, int from, int to, ProgrammedCells out) {
        if (from < 0 || from > to || to > targetS.length || to > out.capacity()) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside targets (" + targetS.length
                    + ") or cells (" + out.capacity() + ")");
        }
    }

    /** Time must be finite and >= 0. */
    protected static void checkTime(double tS) {
        if (!(tS >= 0) || Double.isInfinite(tS)) {
            throw new IllegalArgumentException("time after programming must be >= 0 s, got " + tS);
        }
    }

    @Override
    public String toString() {
        return summary();
    }
}
