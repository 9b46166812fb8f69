package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * Max-pooling units: each reduces a window of {@code window} values of {@code numBit} bits with a tree
 * of N-bit comparators (built from 1-bit comparator cells with enable TGs) and select logic.
 * After NeuroSim V1.4 {@code MaxPooling.cpp}.
 */
public final class MaxPoolUnit {
    private final Technology tech;
    private final int numBit;
    private final int numUnit;
    private final int numComparator;
    private final int numStage;
    private final Comparator comparator;
    private final double wInvN, wInvP, wNorN2;
    private final double areaM2;
    private final double cInvIn, cInvOut, cNandIn, cNorIn, cNor2In, cNor2Out;

    /**
     * @param numBit  value width, bits
     * @param window  values per pooling window (4 for 2×2)
     * @param numUnit parallel pooling units
     */
    public MaxPoolUnit(Technology tech, int numBit, int window, int numUnit) {
        this.tech = tech;
        this.numBit = numBit;
        this.numUnit = numUnit;
        int comps = 0;
        int stages = 0;
        int n = window;
        int m = n % 2;
        while (n != 0) {
            comps += n / 2;
            stages += 1;
            n /= 2;
        }
        this.numComparator = comps + m;
        this.numStage = stages + m;
        double f = tech.featureSizeM();
        double pn = tech.pnSizeRatio();
        double h = Gates.cellHeight(tech);
        double[] inv = Gates.enlarge(tech, Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        double[] nand = Gates.enlarge(tech, 2 * Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        double[] nor = Gates.enlarge(tech, 4 * Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        double[] nor2 = Gates.enlarge(tech, numBit * 2 * Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        wInvN = inv[0];
        wInvP = inv[1];
        wNorN2 = nor2[0];
        comparator = new Comparator(tech, 1);
        Gates.Size sInv = Gates.gateArea(tech, Gates.Type.INV, 1, inv[0], inv[1], h);
        Gates.Size sNand = Gates.gateArea(tech, Gates.Type.NAND, 2, nand[0], nand[1], h);
        Gates.Size sNor = Gates.gateArea(tech, Gates.Type.NOR, 2, nor[0], nor[1], h);
        Gates.Size sNor2 = Gates.gateArea(tech, Gates.Type.NOR, numBit, nor2[0], nor2[1], h);
        double unit = (comparator.areaM2() + sInv.areaM2() * 5) * numBit;
        unit += sInv.areaM2() * 6 + sNand.areaM2() + sInv.areaM2() + sNor.areaM2() + sNor2.areaM2();
        unit *= numComparator;
        areaM2 = unit * numUnit;
        Gates.Caps ci = Gates.gateCaps(tech, Gates.Type.INV, 1, inv[0], inv[1], sInv.heightM());
        cInvIn = ci.inputF();
        cInvOut = ci.outputF();
        cNandIn = Gates.gateCaps(tech, Gates.Type.NAND, 2, nand[0], nand[1], sNand.heightM()).inputF();
        cNorIn = Gates.gateCaps(tech, Gates.Type.NOR, 2, nor[0], nor[1], sNor.heightM()).inputF();
        Gates.Caps c2 = Gates.gateCaps(tech, Gates.Type.NOR, numBit, nor2[0], nor2[1], sNor2.heightM());
        cNor2In = c2.inputF();
        cNor2Out = c2.outputF();
    }

    public int numUnit() {
        return numUnit;
    }

    public double areaM2() {
        return areaM2;
    }

    /** Cycles for {@code numBatch} batches of windows (each stage rounded up to a clock). */
    public double latencyCycles(double numBatch, double clockPeriodS) {
        double lat = comparator.latencyS(cInvOut * 2) * numBit / 2;
        double r = Gates.onResistance(tech, wNorN2, false) * 2;
        lat += Gates.horowitz(r * (cInvIn * 2 + numBit * cInvOut), 1e20).delayS();
        r = Gates.onResistance(tech, wInvN, false) * 2;
        Gates.Delay inv = Gates.horowitz(r * (cInvIn + cNor2Out), 1e20);
        lat += inv.delayS();
        lat += Gates.horowitz(r * (cInvIn * 2), inv.rampOut()).delayS();
        return Math.ceil(lat / clockPeriodS) * numStage * numBatch;
    }

    /** Energy of {@code numBatch} batches of windows in all units, J. */
    public double energyJ(double numBatch, double controlActivity) {
        double vdd2 = tech.vddV() * tech.vddV();
        double e = ((cNandIn + cInvOut) + (cNorIn + cInvOut) + (cInvIn + cInvOut) * 2 + (cNor2In + cInvOut)) * vdd2
                * controlActivity;
        e += comparator.energyJ(controlActivity) * numBit / 2;
        return e * numComparator * numUnit * numBatch;
    }

    /** Leakage, W. */
    public double leakageW() {
        return Gates.leakageA(tech, Gates.Type.INV, 1, wInvN, wInvP) * tech.vddV() * numComparator * numUnit;
    }
}
