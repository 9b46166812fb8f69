package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * The thermometer-to-binary encoder behind each multilevel sense amp: an INV + NAND2 per level and
 * log2(levels) wide NANDs. Its dynamic energy is negligible next to the sense amps (NeuroSim V1.4
 * sets it to zero); latency is the INV→NAND2→wide-NAND chain. After NeuroSim V1.4
 * {@code MultilevelSAEncoder.cpp}.
 */
public final class SaEncoder {
    private final Technology tech;
    private final int numLevel;
    private final int numEncoder;
    private final int numInput;
    private final int numGate;
    private final double wInvN, wInvP, wNandN, wNandP;
    private final double heightM;
    private final double widthM;
    private final double cInvOut, cNandIn, cNandOut, cNandLgIn;

    /**
     * @param numLevel   levels of the sense amp
     * @param numEncoder encoders (one per ADC)
     * @param arrayWidthM width to lay the encoders under, m
     */
    public SaEncoder(Technology tech, int numLevel, int numEncoder, double arrayWidthM) {
        this.tech = tech;
        this.numLevel = numLevel;
        this.numEncoder = numEncoder;
        this.numInput = numLevel / 2;
        this.numGate = (int) Math.ceil(Math.log(numLevel) / Math.log(2));
        double f = tech.featureSizeM();
        double pn = tech.pnSizeRatio();
        wInvN = Gates.MIN_NMOS_SIZE_F * f;
        wInvP = pn * Gates.MIN_NMOS_SIZE_F * f;
        wNandN = 4 * Gates.MIN_NMOS_SIZE_F * f;
        wNandP = 2 * pn * Gates.MIN_NMOS_SIZE_F * f;
        double h = Gates.cellHeight(tech);
        Gates.Size nand = Gates.gateArea(tech, Gates.Type.NAND, 2, wNandN, wNandP, h);
        Gates.Size inv = Gates.gateArea(tech, Gates.Type.INV, 1, wInvN, wInvP, h);
        Gates.Size nandLg = Gates.gateArea(tech, Gates.Type.NAND, Math.max(numInput, 1), wNandN, wNandP, h);
        double wEnc = inv.widthM() + nand.widthM() + nandLg.widthM();
        double hEnc = ((inv.areaM2() + nand.areaM2()) * (numLevel - 1) + nandLg.widthM() * numGate * nandLg.heightM()) / wEnc;
        int perRow = Math.min((int) Math.ceil(arrayWidthM / wEnc), numEncoder);
        int rows = (int) Math.ceil((double) numEncoder / perRow);
        widthM = Math.max(arrayWidthM, wEnc);
        heightM = hEnc * rows;
        cInvOut = Gates.gateCaps(tech, Gates.Type.INV, 1, wInvN, wInvP, inv.heightM()).outputF();
        Gates.Caps cn = Gates.gateCaps(tech, Gates.Type.NAND, 2, wNandN, wNandP, nand.heightM());
        cNandIn = cn.inputF();
        cNandOut = cn.outputF();
        cNandLgIn = Gates.gateCaps(tech, Gates.Type.NAND, Math.max(numInput, 1), wNandN, wNandP, nandLg.heightM()).inputF();
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

    /** Encode delay, s. */
    public double latencyS() {
        double r = Gates.onResistance(tech, wInvN, false);
        Gates.Delay d = Gates.horowitz(r * (cInvOut + 2 * cNandIn), 1e20);
        r = Gates.onResistance(tech, wNandN, false) * 2;
        return d.delayS() + Gates.horowitz(r * (cNandOut + cNandLgIn * numInput), d.rampOut()).delayS();
    }

    /** Leakage, W. */
    public double leakageW() {
        double vdd = tech.vddV();
        return Gates.leakageA(tech, Gates.Type.NAND, 2, wNandN, wNandP) * vdd * (numLevel - 1) * numEncoder
                + Gates.leakageA(tech, Gates.Type.NAND, Math.max(numInput, 1), wNandN, wNandP) * vdd * numGate * numEncoder
                + Gates.leakageA(tech, Gates.Type.INV, 1, wInvN, wInvP) * vdd * 5 * (numLevel - 1) * numEncoder;
    }
}
