package org.imcsim.cost.circuit;

import org.imcsim.cost.Technology;

/**
 * Banks of binary adder trees summing the partial sums of {@code numInputs} sources (sub-arrays into a
 * PE, PEs into a tile, tiles into the chip); stage k has ⌊n/2^k⌋ adders of (bits + k − 1) bits.
 * Latency is counted in whole clock cycles (synchronous chip); after NeuroSim V1.4 {@code AdderTree.cpp}.
 */
public final class AdderTree {
    private final Technology tech;
    private final int numInputs;
    private final int numAdderBit;
    private final int numTrees;
    private final int numStage;
    private final double heightM;
    private final double widthM;

    /**
     * @param numInputs   sources summed by one tree
     * @param numAdderBit width of the first-stage adders, bits
     * @param numTrees    parallel trees (one per output lane)
     */
    public AdderTree(Technology tech, int numInputs, int numAdderBit, int numTrees, Fit fit) {
        this.tech = tech;
        this.numInputs = numInputs;
        this.numAdderBit = numAdderBit;
        this.numTrees = numTrees;
        this.numStage = (int) Math.ceil(log2(numInputs));
        int bits = numAdderBit;
        int j = numInputs;
        int adderBitsPerTree = 0;
        for (int i = numStage; i != 0; i--) {
            int add = j / 2;
            adderBitsPerTree += bits * add;
            bits++;
            j = j / 2;
        }
        if (adderBitsPerTree == 0) {
            // one input: no adders (a PE or tile of a single row of sub-arrays)
            heightM = 0;
            widthM = 0;
        } else {
            Adder all = new Adder(tech, adderBitsPerTree, numTrees, fit);
            heightM = all.heightM();
            widthM = all.widthM();
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public int numStage() {
        return numStage;
    }

    public int numAdderBit() {
        return numAdderBit;
    }

    public int numTrees() {
        return numTrees;
    }

    public double heightM() {
        return heightM;
    }

    public double widthM() {
        return widthM;
    }

    public double areaM2() {
        return heightM * widthM;
    }

    /**
     * Clock cycles for {@code numRead} reductions of {@code numUnitAdd} inputs (0 = the design size):
     * the first stage is a full-width adder, later stages add the carry bits, rounded up to cycles.
     */
    public double latencyCycles(double numRead, int numUnitAdd, double clockPeriodS) {
        int i = numUnitAdd == 0 ? (int) Math.ceil(log2(numInputs)) : (int) Math.ceil(log2(numUnitAdd));
        int j = numUnitAdd == 0 ? numInputs : numUnitAdd;
        double latency = new Adder(tech, numAdderBit, Math.max(j / 2, 1), Fit.FREE).latencyS(0);
        j = j / 2;
        i -= 1;
        for (; i > 0; i--) {
            latency += new Adder(tech, 2, Math.max(j / 2, 1), Fit.FREE).latencyS(0);
            j = j / 2;
        }
        return Math.ceil(latency / clockPeriodS) * numRead;
    }

    /** Dynamic energy of {@code numRead} reductions of {@code numUnitAdd} inputs in every tree, J. */
    public double energyJ(double numRead, int numUnitAdd, double adderActivity) {
        return perTree(numUnitAdd, adderActivity, true) * numTrees * numRead;
    }

    /** Leakage of all trees when reducing {@code numUnitAdd} inputs (0 = design size), W. */
    public double leakageW(int numUnitAdd) {
        return perTree(numUnitAdd, 1, false) * numTrees;
    }

    private double perTree(int numUnitAdd, double activity, boolean energy) {
        int i = numUnitAdd == 0 ? (int) Math.ceil(log2(numInputs)) : (int) Math.ceil(log2(numUnitAdd));
        int j = numUnitAdd == 0 ? numInputs : numUnitAdd;
        int bits = numAdderBit;
        double sum = 0;
        for (; i != 0; i--) {
            int add = j / 2;
            if (add > 0) {
                Adder stage = new Adder(tech, bits, add, Fit.FREE);
                sum += energy ? stage.energyJ(1, add, activity) : stage.leakageW();
            }
            bits++;
            j = j / 2;
        }
        return sum;
    }
}
