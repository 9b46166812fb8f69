package org.imcsim.cost.neurosim;

import org.imcsim.cost.circuit.CrossbarArray;

/**
 * Statistics of the stored cell states of a layer, enough to give the mean read-path conductance of a
 * cell (device, access transistor and wires in series), which sets the column current the ADC senses.
 *
 * @param onFraction   for Bernoulli cells: probability a cell is in its top level (0 = bottom); ignored
 *                     when {@code uniformDigits}
 * @param uniformLevels every one of the 2^cellBits levels equally likely (what uniformly distributed
 *                     weights in offset binary give, as in NeuroSim's synthetic traces)
 */
public record WeightStats(double onFraction, boolean uniformLevels) {

    public WeightStats {
        if (!(onFraction >= 0 && onFraction <= 1)) {
            throw new IllegalArgumentException("weight on-fraction must be in [0, 1], got " + onFraction);
        }
    }

    /** Every cell level equally likely. */
    public static WeightStats uniformDigits() {
        return new WeightStats(0.5, true);
    }

    /** Cells only at the bottom or top level, top with probability {@code q}. */
    public static WeightStats bernoulli(double q) {
        return new WeightStats(q, false);
    }

    /**
     * Mean conductance of one cell's read path, S: device level G = Gmin + ℓ/(L−1)·(Gmax − Gmin) in series
     * with the access transistor and the average wire run of a sub-array with the used rows/columns.
     */
    public double meanPathConductanceS(CrossbarArray array, double ronOhm, double roffOhm, int cellBits,
                                       int usedRows, int usedCols) {
        int levels = 1 << cellBits;
        double gMax = 1 / ronOhm;
        double gMin = 1 / roffOhm;
        double extra = array.resAccessOhm() + (usedCols + 1) / 2.0 * array.wireResPerCellRowOhm()
                + (usedRows + 1) / 2.0 * array.wireResPerCellColOhm();
        if (uniformLevels) {
            double sum = 0;
            for (int l = 0; l < levels; l++) {
                double g = gMin + (double) l / (levels - 1) * (gMax - gMin);
                sum += 1 / (1 / g + extra);
            }
            return sum / levels;
        }
        return onFraction / (1 / gMax + extra) + (1 - onFraction) / (1 / gMin + extra);
    }
}
