package org.imcsim.cost.circuit;

import org.imcsim.cost.Technology;

/**
 * ReLU units: a register of {@code numBit} DFFs per unit that passes a value or zero depending on the
 * sign; one clock per activation batch. After NeuroSim V1.4 {@code BitShifter.cpp} (used as ReLU).
 */
public final class ReluUnit {
    private final int numUnit;
    private final Dff dff;
    private final double heightM;
    private final double widthM;

    /**
     * @param numUnit parallel units
     * @param numBit  activation width, bits
     * @param fit     a height or width to lay the units along
     */
    public ReluUnit(Technology tech, int numUnit, int numBit, Fit fit) {
        this.numUnit = numUnit;
        this.dff = new Dff(tech, numBit * numUnit, Fit.FREE);
        double area = dff.areaM2();
        if (fit.hasWidth()) {
            widthM = fit.widthM();
            heightM = area / widthM;
        } else {
            heightM = fit.heightM();
            widthM = area / heightM;
        }
    }

    public int numUnit() {
        return numUnit;
    }

    public double areaM2() {
        return heightM * widthM;
    }

    /** Cycles for {@code numBatch} batches of {@code numUnit} activations. */
    public double latencyCycles(double numBatch) {
        return numBatch;
    }

    /** Energy of {@code numBatch} batches, J. */
    public double energyJ(double numBatch) {
        return dff.energyJ(numBatch, dff.numDff(), 1);
    }

    /** Leakage, W. */
    public double leakageW() {
        return dff.leakageW();
    }
}
