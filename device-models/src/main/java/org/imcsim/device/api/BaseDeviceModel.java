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

    protected BaseDeviceModel(CellParameters cell) {
        this.cell = cell;
        this.stuckLrsBelow = cell.stuckAtLrs();
        this.stuckAnyBelow = cell.stuckAtLrs() + cell.stuckAtHrs();
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

    /** True if any cell can be stuck; when false, {@link #drawStuck} must not be called (it would consume a draw). */
    protected final boolean hasStuckCells() {
        return stuckAnyBelow > 0;
    }

    /** One uniform draw deciding the cell's state: {@link ProgrammedCells#STUCK_LRS} with probability stuckAtLrs, then HRS, else FREE. */
    protected final byte drawStuck(RandomGenerator rng) {
        double u = rng.nextDouble();
        return u < stuckLrsBelow ? ProgrammedCells.STUCK_LRS : (u < stuckAnyBelow ? ProgrammedCells.STUCK_HRS : ProgrammedCells.FREE);
    }

    /** Writes a stuck cell: its fixed conductance, no drift. */
    protected final void writeStuck(ProgrammedCells out, int i, byte state) {
        out.stuck[i] = state;
        out.gS[i] = (float) (state == ProgrammedCells.STUCK_LRS ? cell.gMaxS() : cell.gMinS());
        out.drift[i] = 0f;
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
