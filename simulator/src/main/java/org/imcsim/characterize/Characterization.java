package org.imcsim.characterize;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.ProgrammedCells;

/**
 * Samples {@code cellsPerLevel} cells at every level of a device model, programmed once from one
 * seeded stream, and reads them at each requested time after programming. An analog model is
 * characterized at {@link #ANALOG_POINTS} evenly spaced targets from gMin to gMax. The samples are
 * the cells' conductances {@code G(t)} (programming, stuck cells and drift; one read's noise is
 * reported separately as {@code readSigma}, not added).
 *
 * <p>Deterministic: the same model, times, cell count and seed give the same numbers.
 */
public final class Characterization {
    /** Number of targets used for an analog cell. */
    public static final int ANALOG_POINTS = 8;

    private final DeviceModel model;
    private final double[] timesS;
    private final int cellsPerLevel;
    private final long seed;
    private final double[] targetsS;
    /** samples[timeIndex][level] = conductances, siemens, sorted ascending. */
    private final float[][][] samples;
    private final LevelStats[][] stats;

    /** Statistics of one level at one time; conductances in siemens. */
    public record LevelStats(int level, double targetS, double timeS, double meanS, double stdS, double p01S,
                             double p50S, double p99S, double readSigmaS, double stuckFraction, double overlapNext) {
    }

    private Characterization(DeviceModel model, double[] timesS, int cellsPerLevel, long seed, double[] targetsS,
                             float[][][] samples, LevelStats[][] stats) {
        this.model = model;
        this.timesS = timesS;
        this.cellsPerLevel = cellsPerLevel;
        this.seed = seed;
        this.targetsS = targetsS;
        this.samples = samples;
        this.stats = stats;
    }

    /** Programs and reads the cells; {@code timesS} non-negative, {@code cellsPerLevel >= 2}. */
    public static Characterization run(DeviceModel model, double[] timesS, int cellsPerLevel, long seed) {
        if (cellsPerLevel < 2) {
            throw new IllegalArgumentException("need at least 2 cells per level, got " + cellsPerLevel);
        }
        int levels = model.analog() ? ANALOG_POINTS : model.levels();
        double[] targets = new double[levels];
        for (int l = 0; l < levels; l++) {
            targets[l] = model.analog()
                    ? model.gMinS() + l * (model.gMaxS() - model.gMinS()) / (levels - 1)
                    : model.levelConductanceS(l);
        }
        int n = levels * cellsPerLevel;
        float[] t = new float[n];
        for (int l = 0; l < levels; l++) {
            Arrays.fill(t, l * cellsPerLevel, (l + 1) * cellsPerLevel, (float) targets[l]);
        }
        ProgrammedCells cells = new ProgrammedCells(n);
        model.program(t, 0, n, new SplittableRandom(seed), cells);

        float[][][] samples = new float[timesS.length][levels][];
        LevelStats[][] stats = new LevelStats[timesS.length][levels];
        float[] g = new float[n];
        float[] sigma = new float[n];
        for (int k = 0; k < timesS.length; k++) {
            double time = timesS[k];
            model.conductance(cells, 0, n, time, g);
            model.readNoiseSigma(cells, 0, n, time, sigma);
            double[] means = new double[levels];
            for (int l = 0; l < levels; l++) {
                int from = l * cellsPerLevel;
                int to = from + cellsPerLevel;
                float[] s = Arrays.copyOfRange(g, from, to);
                double sum = 0;
                double sig2 = 0;
                int stuck = 0;
                for (int i = from; i < to; i++) {
                    sum += g[i];
                    sig2 += (double) sigma[i] * sigma[i];
                    stuck += cells.stuck[i] != ProgrammedCells.FREE ? 1 : 0;
                }
                double mean = sum / cellsPerLevel;
                double q = 0;
                for (float v : s) {
                    q += (v - mean) * (v - mean);
                }
                Arrays.sort(s);
                samples[k][l] = s;
                means[l] = mean;
                stats[k][l] = new LevelStats(l, targets[l], time, mean, Math.sqrt(q / (cellsPerLevel - 1)),
                        quantile(s, 0.01), quantile(s, 0.5), quantile(s, 0.99), Math.sqrt(sig2 / cellsPerLevel),
                        stuck / (double) cellsPerLevel, Double.NaN);
            }
            for (int l = 0; l + 1 < levels; l++) {
                double threshold = 0.5 * (means[l] + means[l + 1]);
                long above = cellsPerLevel - countBelowOrAt(samples[k][l], threshold);
                long below = countBelow(samples[k][l + 1], threshold);
                LevelStats s = stats[k][l];
                stats[k][l] = new LevelStats(s.level(), s.targetS(), s.timeS(), s.meanS(), s.stdS(), s.p01S(), s.p50S(),
                        s.p99S(), s.readSigmaS(), s.stuckFraction(), (above + below) / (2.0 * cellsPerLevel));
            }
        }
        return new Characterization(model, timesS.clone(), cellsPerLevel, seed, targets, samples, stats);
    }

    /** Linear-interpolated quantile of sorted data. */
    static double quantile(float[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        double w = pos - i;
        return sorted[i] + w * (sorted[j] - sorted[i]);
    }

    /** Number of values {@code < x} in sorted data. */
    static long countBelow(float[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of values {@code <= x} in sorted data. */
    static long countBelowOrAt(float[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public DeviceModel model() {
        return model;
    }

    public double[] timesS() {
        return timesS.clone();
    }

    public int cellsPerLevel() {
        return cellsPerLevel;
    }

    public long seed() {
        return seed;
    }

    /** Number of levels (or analog points) characterized. */
    public int levels() {
        return targetsS.length;
    }

    /** Statistics of {@code level} at time index {@code timeIndex}. */
    public LevelStats stats(int timeIndex, int level) {
        return stats[timeIndex][level];
    }

    /** Sorted conductance samples (siemens) of {@code level} at time index {@code timeIndex}; do not modify. */
    float[] samples(int timeIndex, int level) {
        return samples[timeIndex][level];
    }
}
