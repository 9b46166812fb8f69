package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * A row/line decoder: address inverters, NAND2 pre-decoders (4 per address pair), NOR final decoders
 * (2^n of them for n > 2 address bits) and an output driver per line. In mux mode the driver is a
 * NAND enable plus two inverters driving the TG gates of the column mux (sized by the node's mux
 * driver factor); otherwise two inverters. Energy is scaled by the control-logic activity ε when
 * calibrated. After NeuroSim V1.4 {@code RowDecoder.cpp} (regular row mode).
 */
public final class Decoder {
    private final Technology tech;
    private final int numAddr;
    private final boolean mux;
    private final int numNand;
    private final int numNor;
    private final double wInvN, wInvP, wNandN, wNandP, wNorN, wNorP, wDrvN, wDrvP;
    private final double heightM;
    private final double widthM;
    private final double cInvIn, cInvOut, cNandIn, cNandOut, cNorIn, cNorOut, cDrvIn, cDrvOut;

    /**
     * @param numAddr       address bits
     * @param mux           drives a column mux (NAND-enabled driver) rather than word lines
     * @param driverSizing  output driver width multiplier (the node's mux factor, or 1 for a WL decoder)
     * @param heightM       column height to fit (decoder grows in width), or 0 for its natural shape
     */
    public Decoder(Technology tech, int numAddr, boolean mux, double driverSizing, double heightM) {
        this.tech = tech;
        this.numAddr = numAddr;
        this.mux = mux;
        double f = tech.featureSizeM();
        double pn = tech.pnSizeRatio();
        double h = Gates.cellHeight(tech);
        double[] inv = Gates.enlarge(tech, Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        wInvN = inv[0];
        wInvP = inv[1];
        double[] nand = Gates.enlarge(tech, 2 * Gates.MIN_NMOS_SIZE_F * f, pn * Gates.MIN_NMOS_SIZE_F * f, h);
        wNandN = nand[0];
        wNandP = nand[1];
        double[] nor = Gates.enlarge(tech, Gates.MIN_NMOS_SIZE_F * f,
                Math.ceil(numAddr / 2.0) * pn * Gates.MIN_NMOS_SIZE_F * f, h);
        wNorN = nor[0];
        wNorP = nor[1];
        wDrvN = 2 * Gates.MIN_NMOS_SIZE_F * f * driverSizing;
        wDrvP = 2 * pn * Gates.MIN_NMOS_SIZE_F * f * driverSizing;
        numNand = 4 * (numAddr / 2);
        numNor = numAddr > 2 ? 1 << numAddr : 0;
        int numMetal = numAddr > 2 ? numNand + (numAddr % 2) * 2 : 0;
        int norInputs = (int) Math.ceil(numAddr / 2.0);
        Gates.Size sInv = Gates.gateArea(tech, Gates.Type.INV, 1, wInvN, wInvP, h);
        Gates.Size sNand = Gates.gateArea(tech, Gates.Type.NAND, 2, wNandN, wNandP, h);
        Gates.Size sNor = Gates.gateArea(tech, Gates.Type.NOR, norInputs, wNorN, wNorP, h);
        Gates.Size sDrv = Gates.gateArea(tech, Gates.Type.INV, 1, wDrvN, wDrvP, h);
        double metal = Gates.M3_PITCH_F * numMetal * f;
        if (heightM > 0) {
            int colsNor = 0;
            int norPerCol = Math.min((int) (heightM / sNor.heightM()), numNor);
            if (norPerCol > 0) {
                colsNor = (int) Math.ceil((double) numNor / norPerCol);
            }
            int colsNand = 0;
            int nandPerCol = Math.min((int) (heightM / sNand.heightM()), numNand);
            if (nandPerCol > 0) {
                colsNand = (int) Math.ceil((double) numNand / nandPerCol);
            }
            // NeuroSim never places a column of address inverters in this layout (its count stays 0).
            this.heightM = heightM;
            double w = sNand.widthM() * colsNand + metal + sNor.widthM() * colsNor;
            w += mux ? (sNand.widthM() + sDrv.widthM() * 2) * colsNor : sDrv.widthM() * 2 * colsNor;
            this.widthM = w;
        } else {
            this.heightM = Math.max(sNor.heightM() * numNor, sNand.heightM() * numNand);
            double w = sInv.widthM() + sNand.widthM() + metal + sNor.widthM();
            w += mux ? sNand.widthM() + sDrv.widthM() * 2 : sDrv.widthM() * 2;
            this.widthM = w;
        }
        Gates.Caps cInv = Gates.gateCaps(tech, Gates.Type.INV, 1, wInvN, wInvP, sInv.heightM());
        cInvIn = cInv.inputF();
        cInvOut = cInv.outputF();
        Gates.Caps cNand = numNand > 0 ? Gates.gateCaps(tech, Gates.Type.NAND, 2, wNandN, wNandP, sNand.heightM())
                : new Gates.Caps(0, 0);
        cNandIn = cNand.inputF();
        cNandOut = cNand.outputF();
        Gates.Caps cNor = numNor > 0 ? Gates.gateCaps(tech, Gates.Type.NOR, norInputs, wNorN, wNorP, sNor.heightM())
                : new Gates.Caps(0, 0);
        cNorIn = cNor.inputF();
        cNorOut = cNor.outputF();
        Gates.Caps cDrv = Gates.gateCaps(tech, Gates.Type.INV, 1, wDrvN, wDrvP, sDrv.heightM());
        cDrvIn = cDrv.inputF();
        cDrvOut = cDrv.outputF();
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
     * Decode delay, s: address inverter, NAND pre-decode, NOR, then the output driver(s).
     *
     * @param capLoad1F  load of the driven line (mux mode: the NMOS TG gates)
     * @param capLoad2F  mux mode: the PMOS TG gates
     * @param resLoadOhm line resistance (WL mode)
     * @param numCells   cells along the line (WL mode)
     */
    public double latencyS(double capLoad1F, double capLoad2F, double resLoadOhm, double numCells) {
        double r = Gates.onResistance(tech, wInvN, false);
        Gates.Delay d = Gates.horowitz(r * (cInvOut + (numNand > 0 ? cNandIn * 2 : capLoad1F)), 1e20);
        double latency = d.delayS();
        double rampInv = d.rampOut();
        double rampNand = 1e20;
        double rampNor = 1e20;
        if (numNand > 0) {
            r = Gates.onResistance(tech, wNandN, false) * 2;
            d = Gates.horowitz(r * (cNandOut + (numNor > 0 ? cNorIn * numNor / 4.0 : capLoad1F)), rampInv);
            latency += d.delayS();
            rampNand = d.rampOut();
        }
        if (numNor > 0) {
            r = Gates.onResistance(tech, wNorP, true) * 2;
            d = Gates.horowitz(r * (cNorOut + (mux ? cNandIn : cInvIn)), rampNand);
            latency += d.delayS();
            rampNor = d.rampOut();
        }
        if (mux) {
            r = Gates.onResistance(tech, wNandN, false);
            d = Gates.horowitz(r * (cNandOut + cInvIn), rampNor);
            latency += d.delayS();
            r = Gates.onResistance(tech, wDrvP, true);
            Gates.Delay d2 = Gates.horowitz(r * (cDrvOut + cDrvIn + capLoad1F), d.rampOut());
            latency += d2.delayS();
            r = Gates.onResistance(tech, wDrvN, false);
            latency += Gates.horowitz(r * (cDrvOut + capLoad2F), d2.rampOut()).delayS();
        } else {
            r = Gates.onResistance(tech, wDrvN, false);
            d = Gates.horowitz(r * (cDrvOut + cDrvIn), rampNor);
            latency += d.delayS();
            r = Gates.onResistance(tech, wDrvP, true);
            double tr = r * (cDrvOut + capLoad1F) + resLoadOhm * (capLoad1F + capLoad1F / numCells) / 2;
            latency += Gates.horowitz(tr, d.rampOut()).delayS();
        }
        return latency;
    }

    /** Energy of {@code numDecode} decodes, J, × control activity. */
    public double energyJ(double numDecode, double controlActivity) {
        double vdd2 = tech.vddV() * tech.vddV();
        int pairs = (numAddr / 2) * 2;
        double e = (cInvIn + cNandIn * 2) * vdd2 * pairs
                + (cInvIn + cNorIn * numNor / 2.0) * vdd2 * (numAddr - pairs)
                + (cNandOut + cNorIn * numNor / 4.0) * vdd2 * numNand / 4.0;
        e += mux ? (cNorOut + cNandIn) * vdd2 : (cNorOut + cInvIn) * vdd2;
        if (mux) {
            e += (cNandOut + cDrvIn) * vdd2 + (cDrvOut + cDrvIn) * vdd2 + cDrvOut * vdd2;
        } else {
            e += (cDrvIn + cDrvOut) * vdd2 * 2;
        }
        return e * numDecode * controlActivity;
    }

    /** Leakage, W. */
    public double leakageW() {
        double vdd = tech.vddV();
        int norInputs = (int) Math.ceil(numAddr / 2.0);
        double l = Gates.leakageA(tech, Gates.Type.INV, 1, wInvN, wInvP) * vdd * numAddr
                + Gates.leakageA(tech, Gates.Type.NAND, 2, wNandN, wNandP) * vdd * numNand
                + (numNor > 0 ? Gates.leakageA(tech, Gates.Type.NOR, norInputs, wNorN, wNorP) * vdd * numNor : 0);
        if (mux) {
            l += Gates.leakageA(tech, Gates.Type.NAND, 2, wNandN, wNandP) * vdd * numNor
                    + Gates.leakageA(tech, Gates.Type.INV, 1, wInvN, wInvP) * vdd * 2 * numNor;
        } else {
            l += Gates.leakageA(tech, Gates.Type.INV, 1, wDrvN, wDrvP) * vdd * 2 * numNor;
        }
        return l;
    }
}
