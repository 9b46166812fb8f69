package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * A ripple magnitude comparator of 4 INV + 4 NAND2 + 3 NAND3 per bit. After NeuroSim V1.4
 * {@code Comparator.cpp}. Used inside the max-pooling unit.
 */
public final class Comparator {
    private final Technology tech;
    private final int numBit;
    private final double wInvN, wInvP, wNand2N, wNand2P, wNand3N, wNand3P;
    private final double unitAreaM2;
    private final double cInvIn, cInvOut, cNand2In, cNand2Out, cNand3In, cNand3Out;

    /** @param numBit compared width, bits */
    public Comparator(Technology tech, int numBit) {
        this.tech = tech;
        this.numBit = numBit;
        double f = tech.featureSizeM();
        double pn = tech.pnSizeRatio();
        double h = Gates.cellHeight(tech);
        double[] inv = Gates.enlarge(tech, Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        double[] n2 = Gates.enlarge(tech, 2 * Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        double[] n3 = Gates.enlarge(tech, 3 * Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        wInvN = inv[0]; wInvP = inv[1]; wNand2N = n2[0]; wNand2P = n2[1]; wNand3N = n3[0]; wNand3P = n3[1];
        Gates.Size sInv = Gates.gateArea(tech, Gates.Type.INV, 1, wInvN, wInvP, h);
        Gates.Size s2 = Gates.gateArea(tech, Gates.Type.NAND, 2, wNand2N, wNand2P, h);
        Gates.Size s3 = Gates.gateArea(tech, Gates.Type.NAND, 3, wNand3N, wNand3P, h);
        unitAreaM2 = (sInv.areaM2() * 4 + s2.areaM2() * 4 + s3.areaM2() * 3) * numBit;
        Gates.Caps ci = Gates.gateCaps(tech, Gates.Type.INV, 1, wInvN, wInvP, sInv.heightM());
        Gates.Caps c2 = Gates.gateCaps(tech, Gates.Type.NAND, 2, wNand2N, wNand2P, s2.heightM());
        Gates.Caps c3 = Gates.gateCaps(tech, Gates.Type.NAND, 3, wNand3N, wNand3P, s3.heightM());
        cInvIn = ci.inputF(); cInvOut = ci.outputF();
        cNand2In = c2.inputF(); cNand2Out = c2.outputF();
        cNand3In = c3.inputF(); cNand3Out = c3.outputF();
    }

    /** Area of one comparator, m². */
    public double areaM2() {
        return unitAreaM2;
    }

    /**
     * Delay of one comparison into {@code capLoadF}, s. As in NeuroSim the middle-bit term is
     * multiplied by (bits − 2), which is negative for a 1-bit comparator.
     */
    public double latencyS(double capLoadF) {
        double rDown = Gates.onResistance(tech, wNand2N, false) * 2;
        double rUp = Gates.onResistance(tech, wNand3P, true);
        Gates.Delay a = Gates.horowitz(rDown * (cNand2Out + cNand3In), 1e20);
        Gates.Delay b = Gates.horowitz(rUp * (cNand3Out + cNand2In), a.rampOut());
        Gates.Delay c = Gates.horowitz(rDown * (cNand2Out + cNand3In), b.rampOut());
        Gates.Delay d = Gates.horowitz(rUp * (cNand3Out + cNand2In), c.rampOut());
        double lat = a.delayS() + b.delayS() + (c.delayS() + d.delayS()) * (numBit - 2);
        Gates.Delay e = Gates.horowitz(rDown * (cNand2Out + cNand3In), d.rampOut());
        Gates.Delay g = Gates.horowitz(rUp * (cNand3Out + capLoadF), e.rampOut());
        return lat + e.delayS() + g.delayS();
    }

    /** Energy of one comparison, J (× control activity). */
    public double energyJ(double controlActivity) {
        double vdd2 = tech.vddV() * tech.vddV();
        return ((cInvIn + cInvOut) * 4 + (cNand2In + cNand2Out) * 4 + (cNand3In + cNand3Out) * 3) * vdd2 * numBit
                * controlActivity;
    }

    /** Leakage, W. */
    public double leakageW() {
        double vdd = tech.vddV();
        return (Gates.leakageA(tech, Gates.Type.INV, 1, wInvN, wInvP) * 4
                + Gates.leakageA(tech, Gates.Type.NAND, 2, wNand2N, wNand2P) * 4
                + Gates.leakageA(tech, Gates.Type.NAND, 3, wNand3N, wNand3P) * 3) * vdd * numBit;
    }
}
