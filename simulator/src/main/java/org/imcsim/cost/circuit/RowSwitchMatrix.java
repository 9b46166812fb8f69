package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * The word-line side driver of a 1T1R array in parallel-read mode: per row three transmission gates
 * (access-gate voltage to the WL, read voltage to the BL, ground) steered by a scan-in DFF. TG width is
 * 2F × the node's sizing ratio so the WL (row wire + access-transistor gates) settles fast.
 * Latency: Elmore delay through the TG into the row wire (Horowitz); energy per read of the active rows:
 * 2 TG drains at the access voltage, 3 at the read voltage, 3 TG gates at Vdd, plus the DFF chain.
 * After NeuroSim V1.4 {@code NewSwitchMatrix.cpp}.
 */
public final class RowSwitchMatrix {
    private final Technology tech;
    private final int numOutput;
    private final double resTgOhm;
    private final Dff dff;
    private final double heightM;
    private final double widthM;
    private final double capTgGateNF;
    private final double capTgGatePF;
    private final double capTgDrainF;

    /**
     * @param numOutput rows driven
     * @param heightM   array height the switch column is laid out against, m
     */
    public RowSwitchMatrix(Technology tech, int numOutput, double heightM) {
        this.tech = tech;
        this.numOutput = numOutput;
        double f = tech.featureSizeM();
        double wN = Gates.MIN_NMOS_SIZE_F * f * tech.rowSwitchSizeRatio();
        double wP = tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f * tech.rowSwitchSizeRatio();
        // NeuroSim evaluates both TG halves with the NMOS on-current; kept for fidelity.
        resTgOhm = 1 / (1 / Gates.onResistanceLinear(tech, wN, false) + 1 / Gates.onResistanceLinear(tech, wP, false));
        double minCell = Gates.cellHeight(tech);
        if (heightM < minCell) {
            throw new IllegalArgumentException("array height " + heightM + " m is below one switch cell");
        }
        int perCol = (int) (heightM / minCell);
        int cols = (int) Math.ceil((double) numOutput / perCol);
        perCol = (int) Math.ceil((double) numOutput / cols);
        Gates.Size tg = Gates.gateArea(tech, Gates.Type.INV, 1, wN, wP, heightM / perCol);
        dff = new Dff(tech, numOutput, Fit.height(heightM));
        this.heightM = heightM;
        this.widthM = tg.widthM() * 4 * cols + dff.widthM();
        capTgGateNF = Gates.gateCap(tech, wN);
        capTgGatePF = Gates.gateCap(tech, wP);
        capTgDrainF = Gates.gateCaps(tech, Gates.Type.INV, 1, wN, wP, tg.heightM()).outputF();
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

    /** Time to drive one row of load {@code capLoadF} through wire resistance {@code resLoadOhm}, s. */
    public double latencyS(double capLoadF, double resLoadOhm) {
        double capOut = capTgDrainF * 2 + capTgGateNF * 0.5 + capTgGatePF * 0.5;
        double tr = resTgOhm * (capOut + capLoadF) + resLoadOhm * capLoadF / 2;
        return Gates.horowitz(tr, 1e20).delayS();
    }

    /**
     * Energy of {@code numRead} read cycles with {@code activeRows} rows selected, J.
     *
     * @param accessVoltageV gate voltage of the 1T1R access transistors
     * @param readVoltageV   bit-line read voltage
     */
    public double energyJ(double numRead, double activeRows, double accessVoltageV, double readVoltageV) {
        double e = capTgDrainF * 2 * accessVoltageV * accessVoltageV
                + capTgDrainF * 3 * readVoltageV * readVoltageV
                + (capTgGateNF + capTgGatePF) * 3 * tech.vddV() * tech.vddV();
        return e * activeRows * numRead + dff.energyJ(numRead, numOutput, 1);
    }

    /** Leakage (the DFF chain; TGs are assumed off-state tight), W. */
    public double leakageW() {
        return dff.leakageW();
    }
}
