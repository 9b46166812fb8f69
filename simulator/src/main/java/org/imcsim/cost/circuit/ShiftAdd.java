package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * Shift-and-add units that merge partial sums across input bit-planes (bit-serial inputs) or across
 * weight slices (multi-cell synapses): per unit an adder of {@code numAdderBit} bits and a shift
 * register of (numAdderBit + 1 + shifts − 1) DFFs, plus an INV/NAND2 row. One shift-add per clock.
 * After NeuroSim V1.4 {@code ShiftAdd.cpp} (binary, non-spiking mode).
 */
public final class ShiftAdd {
    private final int numUnit;
    private final Adder adder;
    private final Dff dff;
    private final double heightM;
    private final double widthM;

    /**
     * @param numUnit     parallel shift-add units (one per ADC)
     * @param numAdderBit adder width, bits
     * @param numShift    operands merged per result (input bits or cells per synapse)
     * @param fit         a width (rows under the array) is the usual constraint
     */
    public ShiftAdd(Technology tech, int numUnit, int numAdderBit, int numShift, Fit fit) {
        this.numUnit = numUnit;
        int numDff = (numAdderBit + 1 + numShift - 1) * numUnit;
        this.adder = new Adder(tech, numAdderBit, numUnit, fit.hasWidth() ? fit : fit.hasHeight() ? fit : Fit.FREE);
        this.dff = new Dff(tech, numDff, fit);
        if (fit.hasWidth()) {
            heightM = adder.heightM() + Gates.cellHeight(tech) + dff.heightM();
            widthM = fit.widthM();
        } else {
            double f = tech.featureSizeM();
            double invW = Gates.gateArea(tech, Gates.Type.INV, 1, Gates.MIN_NMOS_SIZE_F * f,
                    tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f, Gates.cellHeight(tech)).widthM();
            double nandW = Gates.gateArea(tech, Gates.Type.NAND, 2, 2 * Gates.MIN_NMOS_SIZE_F * f,
                    tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f, Gates.cellHeight(tech)).widthM();
            heightM = fit.hasHeight() ? fit.heightM() : Math.max(adder.heightM(), dff.heightM());
            widthM = adder.widthM() + invW + nandW + dff.widthM();
        }
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

    /** Adder delay into the shift register, s (decides whether a shift-add fits in one cycle). */
    public double adderLatencyS() {
        return adder.latencyS(dff.capTgDrainF());
    }

    /** Energy of {@code numOp} shift-adds in every unit, J. */
    public double energyJ(double numOp, double adderActivity, double dffActivity) {
        return adder.energyJ(numOp, numUnit, adderActivity) + dff.energyJ(numOp, dff.numDff(), dffActivity);
    }

    /** Leakage, W. */
    public double leakageW() {
        return adder.leakageW() + dff.leakageW();
    }
}
