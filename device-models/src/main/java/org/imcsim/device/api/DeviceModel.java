package org.imcsim.device.api;

import java.util.random.RandomGenerator;

/**
 * What one kind of memory cell is, what it costs, and how its conductance behaves. Built by a
 * {@link DeviceModelProvider} from validated parameters; immutable and safe to share between
 * threads. Units are SI and named: conductances in siemens ({@code gMaxS}), times in seconds,
 * voltages in volts, energies in joules, cell dimensions in feature sizes F.
 *
 * <h2>Levels</h2>
 * A cell stores {@link #cellBits()} bits ({@code 1..8}) as {@code L = 2^cellBits} equally spaced
 * target conductances {@code G(level) = gMin + level·(gMax − gMin)/(L − 1)} (see
 * {@link #levelConductanceS}), or is {@link #analog()} and takes any target in {@code [gMin, gMax]}.
 *
 * <h2>Sampling</h2>
 * Everything random takes an explicit {@link RandomGenerator}; a model draws from nothing else,
 * so the same stream gives the same cells. The life of a cell:
 * <ol>
 *   <li>{@link #program}: once per simulated chip, target → programmed conductance with the
 *       write-verify residual σ_prog(G) ({@link #programmingSigmaS}); a fraction of cells is stuck
 *       at LRS ({@code gMax}) or HRS ({@code gMin}); per-device drift parameters are drawn here.</li>
 *   <li>{@link #conductance}: the conductance at time t after programming (drift/relaxation),
 *       deterministic given the programmed state.</li>
 *   <li>{@link #readNoiseSigma}: the standard deviation of the read noise of one read at time t,
 *       for the simulator's output-referred noise {@code σ_I² = Σ V_i²·σ_read(G_ij)²}.</li>
 *   <li>{@link #driftCompensationScale}: the global drift compensation (one scale per array)
 *       when {@link #driftCompensation()} is on.</li>
 * </ol>
 * Batch methods work on index ranges {@code [from, to)} of primitive arrays and allocate nothing.
 */
public interface DeviceModel {

    /** {@link #cellBits()} of an analog cell (no discrete levels). */
    int ANALOG = 0;

    /** The provider name this model was built by, e.g. {@code "rram"}. */
    String name();

    /** One line naming the model and its key parameters, for reports and {@code describe}. */
    String summary();

    // ---------------------------------------------------------------- levels and range

    /** Bits per cell, 1..8, or {@link #ANALOG}. */
    int cellBits();

    /** True if the cell takes continuous targets rather than {@code 2^cellBits} levels. */
    default boolean analog() {
        return cellBits() == ANALOG;
    }

    /** Number of levels {@code 2^cellBits}; 0 for an analog cell. */
    default int levels() {
        return analog() ? 0 : 1 << cellBits();
    }

    /** Lowest target conductance (HRS), siemens, {@code >= 0}. */
    double gMinS();

    /** Highest target conductance (LRS), siemens, {@code > gMinS()}. */
    double gMaxS();

    /** On-state resistance {@code 1/gMax}, ohms. */
    default double ronOhm() {
        return 1.0 / gMaxS();
    }

    /** {@code gMax/gMin} = Roff/Ron; infinite when {@code gMin = 0}. */
    default double onOffRatio() {
        return gMinS() == 0 ? Double.POSITIVE_INFINITY : gMaxS() / gMinS();
    }

    /** Conductance step between adjacent levels {@code (gMax − gMin)/(L − 1)}, siemens; throws for an analog cell. */
    default double levelStepS() {
        if (analog()) {
            throw new IllegalStateException(name() + ": an analog cell has no level step");
        }
        return (gMaxS() - gMinS()) / (levels() - 1);
    }

    /** Target conductance of {@code level} ({@code 0..L−1}): {@code gMin + level·(gMax − gMin)/(L − 1)}, siemens. */
    default double levelConductanceS(int level) {
        if (analog()) {
            throw new IllegalStateException(name() + ": an analog cell has no levels");
        }
        int l = levels();
        if (level < 0 || level >= l) {
            throw new IllegalArgumentException("level must be in 0.." + (l - 1) + ", got " + level);
        }
        return level == l - 1 ? gMaxS() : gMinS() + level * (gMaxS() - gMinS()) / (l - 1);
    }

    // ---------------------------------------------------------------- cell, read and write costs

    /** The cell's access structure. */
    CellType cellType();

    /** Cell height in feature sizes F (along a column). */
    double cellHeightF();

    /** Cell width in feature sizes F (along a row). */
    double cellWidthF();

    /** Cell area {@code height·width} in F². */
    default double cellAreaF2() {
        return cellHeightF() * cellWidthF();
    }

    /** Full-scale read voltage across a cell, volts. */
    double readVoltageV();

    /** Read pulse width (integration time of one read), seconds; also the cell's read latency. */
    double readPulseS();

    /** Latency of one read of a cell, seconds (the read pulse width). */
    default double readLatencyS() {
        return readPulseS();
    }

    /**
     * Energy dissipated in one cell by one read at {@code voltageV}: {@code V²·G·t_read}, joules.
     * The array read energy of MODEL.md §5 is the sum of this over the cells actually read.
     */
    default double readEnergyJ(double gS, double voltageV) {
        return voltageV * voltageV * gS * readPulseS();
    }

    /** Energy to program one cell to {@code gTargetS} including verify reads, joules. */
    double writeEnergyJ(double gTargetS);

    /** Time to program one cell including verify reads, seconds. */
    double writeLatencyS();

    /**
     * Where the cost figures (cell area, read voltage and pulse, write energy and latency) come
     * from, one line: each value with its source or "set in config". For report provenance.
     */
    String costSource();

    // ---------------------------------------------------------------- physics

    /** True if programming is exact, nothing is stuck, nothing drifts and reads are noise-free. */
    boolean ideal();

    /** Standard deviation of the write-verify residual for target {@code gTargetS}, siemens (before clipping at 0). */
    double programmingSigmaS(double gTargetS);

    /** Fraction of cells stuck in the low-resistance state (reading {@code gMax}), {@code [0, 1]}. */
    double stuckAtLrsFraction();

    /** Fraction of cells stuck in the high-resistance state (reading {@code gMin}), {@code [0, 1]}. */
    double stuckAtHrsFraction();

    /**
     * Programs cells {@code [from, to)}: for each index {@code i}, draws whether the cell is stuck,
     * its programmed conductance for target {@code targetS[i]} (siemens, within
     * {@code [gMin, gMax]}), and its per-device drift parameter, into {@code out} at the same
     * index. Draws from {@code rng} only, in index order, so the result is a function of the
     * stream's state and the targets. Programmed conductances are never negative.
     */
    void program(float[] targetS, int from, int to, RandomGenerator rng, ProgrammedCells out);

    /** True if the conductance changes with time after programming (drift or relaxation). */
    boolean drifts();

    /**
     * Conductance of one programmed cell at {@code tS >= 0} seconds after programming, siemens,
     * never negative. Stuck cells read {@code gMax} (LRS) or {@code gMin} (HRS) at all times.
     */
    double conductanceS(float gProgS, float drift, byte stuck, double tS);

    /** {@link #conductanceS} for cells {@code [from, to)}, written to {@code outS} at the same indices. */
    void conductance(ProgrammedCells cells, int from, int to, double tS, float[] outS);

    /**
     * Standard deviation of the read noise of one read of one cell at {@code tS} seconds after
     * programming, siemens (output-referred: the simulator draws one Gaussian per column current
     * with variance {@code Σ V_i²·σ²}). Zero for a noise-free read.
     */
    double readNoiseSigmaS(float gProgS, float drift, byte stuck, double tS);

    /** {@link #readNoiseSigmaS} for cells {@code [from, to)}, written to {@code outS} at the same indices. */
    void readNoiseSigma(ProgrammedCells cells, int from, int to, double tS, float[] outS);

    /** True if the simulator should apply global drift compensation (one digital scale per array). */
    boolean driftCompensation();

    /**
     * A reference readout of cells {@code [from, to)} at {@code tS}: the summed conductance with
     * all inputs at full scale, {@code Σ G_i(t)}, plus one output-referred read-noise draw with
     * variance {@code Σ σ_read,i(t)²}, siemens. This is what a chip measures to compensate drift.
     */
    default double referenceReadoutS(ProgrammedCells cells, int from, int to, double tS, RandomGenerator rng) {
        double sum = 0;
        double var = 0;
        for (int i = from; i < to; i++) {
            float g = cells.gS[i];
            float d = cells.drift[i];
            byte s = cells.stuck[i];
            sum += conductanceS(g, d, s, tS);
            double sigma = readNoiseSigmaS(g, d, s, tS);
            var += sigma * sigma;
        }
        return var > 0 ? sum + Math.sqrt(var) * rng.nextGaussian() : sum;
    }

    /**
     * Global drift compensation scale for one array at {@code tS}: the reference readout right
     * after programming (t = 0) divided by the readout at {@code tS} (IBM's global drift
     * compensation, as aihwkit's {@code GlobalDriftCompensation}). The simulator multiplies the
     * array's digital outputs by it. 1 when the model does not drift or compensation is off.
     */
    default double driftCompensationScale(ProgrammedCells cells, int from, int to, double tS, RandomGenerator rng) {
        if (!driftCompensation() || !drifts()) {
            return 1.0;
        }
        double baseline = referenceReadoutS(cells, from, to, 0.0, rng);
        double now = referenceReadoutS(cells, from, to, tS, rng);
        return now > 0 ? baseline / now : 1.0;
    }
}
