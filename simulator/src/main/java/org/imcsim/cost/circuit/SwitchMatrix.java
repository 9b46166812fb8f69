package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * A transmission-gate switch matrix with a scan-in DFF per line: connects array rows (row mode: the
 * WLs of a cross-point array) or columns (column mode: the SLs of a 1T1R array) to read/write
 * voltages. TGs are sized to a fraction of the line resistance so they do not dominate the IR drop.
 * After NeuroSim V1.4 {@code SwitchMatrix.cpp}.
 */
public final class SwitchMatrix {
    private final Technology tech;
    private final boolean rowMode;
    private final int numOutput;
    private final double resTgOhm;
    private final Dff dff;
    private final double heightM;
    private final double widthM;
    private final double capTgGateNF;
    private final double capTgGatePF;
    private final double capTgDrainF;

    /**
     * @param rowMode      true: lines are rows, laid out against {@code extentM} = array height;
     *                     false: columns, laid out against {@code extentM} = array width
     * @param numOutput    lines switched
     * @param targetResOhm the line resistance the TG is sized against (× the node's size ratio)
     */
    public SwitchMatrix(Technology tech, boolean rowMode, int numOutput, double targetResOhm, double extentM) {
        this.tech = tech;
        this.rowMode = rowMode;
        this.numOutput = numOutput;
        double f = tech.featureSizeM();
        double res = targetResOhm * tech.columnSwitchSizeRatio();
        double wN = Math.max(Gates.onResistanceLinear(tech, f, false) * f * 0.2 / (res * 2), f);
        double wP = Math.max(Gates.onResistanceLinear(tech, f, true) * f * 0.2 / (res * 2), f);
        resTgOhm = 1 / (1 / Gates.onResistanceLinear(tech, wN, false) + 1 / Gates.onResistanceLinear(tech, wP, true));
        double tgHeight;
        if (rowMode) {
            double minCell = Gates.cellHeight(tech);
            int perCol = (int) (extentM / minCell);
            int cols = (int) Math.ceil((double) numOutput / perCol);
            perCol = (int) Math.ceil((double) numOutput / cols);
            Gates.Size tg = Gates.gateArea(tech, Gates.Type.INV, 1, wN, wP, extentM / perCol);
            dff = new Dff(tech, numOutput, Fit.height(extentM));
            heightM = extentM;
            widthM = tg.widthM() * 2 * cols + dff.widthM();
            tgHeight = tg.heightM();
        } else {
            double minCellWidth = 2 * Gates.CPP_F * f;
            int perRow = (int) (extentM / (minCellWidth * 2));
            int rows = (int) Math.ceil((double) numOutput / perRow);
            perRow = (int) Math.ceil((double) numOutput / rows);
            double tgWidth = extentM / perRow / 2;
            int numFold = (int) (tgWidth / (0.5 * minCellWidth)) - 1;
            Gates.Size tg = Gates.passGateArea(tech, wN, wP, numFold);
            dff = new Dff(tech, numOutput, Fit.width(extentM));
            widthM = extentM;
            heightM = tg.heightM() * rows + dff.heightM();
            tgHeight = tg.heightM();
        }
        capTgGateNF = Gates.gateCap(tech, wN);
        capTgGatePF = Gates.gateCap(tech, wP);
        capTgDrainF = Gates.gateCaps(tech, Gates.Type.INV, 1, wN, wP, tgHeight).outputF();
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
     * Row-mode settling time of one row: TG resistance into its own output plus a distributed RC
     * line of {@code numCells} segments of {@code unitCapF}/{@code unitResOhm} (0.69/0.38 Elmore), s.
     */
    public double latencyS(double unitCapF, double unitResOhm, int numCells) {
        double capOut = capTgDrainF * 2 + capTgGateNF * 0.5 + capTgGatePF * 0.5;
        return resTgOhm * capOut * 0.69 + unitCapF * numCells * (0.69 * resTgOhm + 0.38 * unitResOhm * numCells);
    }

    /** Read energy (row mode only; column-mode switches are static during reads), J. */
    public double energyJ(double numRead, double activeRows, double readVoltageV) {
        if (!rowMode) {
            return dff.energyJ(numRead, numOutput, 1);
        }
        double e = capTgDrainF * 3 * readVoltageV * readVoltageV
                + (capTgGateNF + capTgGatePF) * tech.vddV() * tech.vddV();
        return e * activeRows * numRead + dff.energyJ(numRead, numOutput, 1);
    }

    /** Leakage (the DFF chain), W. */
    public double leakageW() {
        return dff.leakageW();
    }
}
