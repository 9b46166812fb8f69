package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * A bank of ripple-carry adders built from NAND2 gates (9 NAND2 per full-adder bit).
 *
 * <p>Area 9·bits·count NAND2 cells; latency the Horowitz chain through the carry path (first bit,
 * (bits−2) middle bits, last bit and output); energy the switched NAND input/output capacitances per
 * addition × Vdd², × the calibrated adder activity δ; leakage 9·bits NAND2 per adder.
 * After NeuroSim V1.4 {@code Adder.cpp}.
 */
public final class Adder {
    private final Technology tech;
    private final int numBit;
    private final int numAdder;
    private final double widthNandNM;
    private final double widthNandPM;
    private final double heightM;
    private final double widthM;
    private final double capNandInputF;
    private final double capNandOutputF;

    /**
     * @param numBit   width of each adder, bits
     * @param numAdder number of adders in the bank
     */
    public Adder(Technology tech, int numBit, int numAdder, Fit fit) {
        this.tech = tech;
        this.numBit = numBit;
        this.numAdder = numAdder;
        double f = tech.featureSizeM();
        double[] w = Gates.enlarge(tech, 2 * Gates.MIN_NMOS_SIZE_F * f, tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f,
                Gates.cellHeight(tech));
        widthNandNM = w[0];
        widthNandPM = w[1];
        Gates.Size nand = Gates.gateArea(tech, Gates.Type.NAND, 2, widthNandNM, widthNandPM, Gates.cellHeight(tech));
        double total = nand.areaM2() * 9 * numBit * (double) numAdder;
        if (fit.hasHeight()) {
            heightM = fit.heightM();
            widthM = total / heightM;
        } else if (fit.hasWidth()) {
            widthM = fit.widthM();
            heightM = total / widthM;
        } else {
            heightM = nand.heightM();
            widthM = nand.widthM() * 9 * numBit * (double) numAdder;
        }
        Gates.Caps caps = Gates.gateCaps(tech, Gates.Type.NAND, 2, widthNandNM, widthNandPM, nand.heightM());
        capNandInputF = caps.inputF();
        capNandOutputF = caps.outputF();
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

    /** Propagation delay of one addition into the given load, s. */
    public double latencyS(double capLoadF) {
        double rDown = Gates.onResistance(tech, widthNandNM, false) * 2;
        double rUp = Gates.onResistance(tech, widthNandPM, true);
        double ci = capNandInputF;
        double co = capNandOutputF;
        Gates.Delay d1 = Gates.horowitz(rDown * (co + ci * 3), 1e20);
        Gates.Delay d2 = Gates.horowitz(rUp * (co + ci * 2), d1.rampOut());
        Gates.Delay d3 = Gates.horowitz(rDown * (co + ci * 3), d2.rampOut());
        Gates.Delay d4 = Gates.horowitz(rUp * (co + ci * 2), d3.rampOut());
        double latency = d1.delayS() + d2.delayS();
        if (numBit > 2) {
            latency += (d3.delayS() + d4.delayS()) * (numBit - 2);
        }
        Gates.Delay d5 = Gates.horowitz(rDown * (co + ci * 3), d4.rampOut());
        Gates.Delay d6 = Gates.horowitz(rUp * (co + ci), d5.rampOut());
        Gates.Delay d7 = Gates.horowitz(rDown * (co + capLoadF), d6.rampOut());
        return latency + d5.delayS() + d6.delayS() + d7.delayS();
    }

    /**
     * Dynamic energy, J.
     *
     * @param numAdd          additions per adder
     * @param numAdderPerOp   adders active per operation (capped at the bank size)
     * @param activity        δ when calibrated, else 1
     */
    public double energyJ(double numAdd, int numAdderPerOp, double activity) {
        double ci = capNandInputF;
        double co = capNandOutputF;
        int b1 = numBit - 1;
        double c = ci * 6 + co * 2 + (ci * 7 + co * 3) * b1
                + (co + ci) * 2 + (co + ci * 2) + (co + ci * 3) + (co + ci)
                + (co + ci * 3) * b1 + (co + ci) * b1 + (co + ci) * 2 * b1;
        return c * tech.vddV() * tech.vddV() * Math.min(numAdderPerOp, numAdder) * numAdd * activity;
    }

    /** Leakage power, W. */
    public double leakageW() {
        return Gates.leakageA(tech, Gates.Type.NAND, 2, widthNandNM, widthNandPM) * tech.vddV() * 9 * numBit
                * (double) numAdder;
    }
}
