package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * A bank of D flip-flops (transmission-gate master/slave: 12 minimum inverter widths per DFF), used as
 * pipeline and shift registers, register-file buffers and switch-matrix scan chains.
 *
 * <p>Energy per clocked access: clock load of every DFF (4 inverter pairs + 2 TG gates each) plus the
 * data path (D input, feedback and Q output) of the DFFs that take new data, × Vdd², optionally × the
 * calibrated activity γ. Leakage: 8 inverters per DFF. Latency: one clock cycle per access (the
 * synchronous NeuroSim chip). After NeuroSim V1.4 {@code DFF.cpp}.
 */
public final class Dff {
    private final Technology tech;
    private final int numDff;
    private final double heightM;
    private final double widthM;
    private final double cellHeightM;
    private final double cellWidthM;
    private final double capInvInputF;
    private final double capInvOutputF;
    private final double capTgGateNF;
    private final double capTgGatePF;
    private final double capTgDrainF;
    private final double widthInvNM;
    private final double widthInvPM;

    /**
     * @param numDff number of flip-flops (≥ 0)
     * @param fit    layout constraint: a given height stacks them in columns, a given width in rows
     */
    public Dff(Technology tech, int numDff, Fit fit) {
        this.tech = tech;
        this.numDff = numDff;
        double f = tech.featureSizeM();
        widthInvNM = Gates.MIN_NMOS_SIZE_F * f;
        widthInvPM = tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f;
        Gates.Size inv = Gates.gateArea(tech, Gates.Type.INV, 1, widthInvNM, widthInvPM, Gates.cellHeight(tech));
        cellHeightM = inv.heightM();
        cellWidthM = inv.widthM() * 12;
        if (fit.hasHeight()) {
            int perCol = Math.min((int) (fit.heightM() / cellHeightM), numDff);
            if (perCol <= 0) {
                throw new IllegalArgumentException("DFF column height " + fit.heightM() + " m below one cell");
            }
            heightM = fit.heightM();
            widthM = cellWidthM * Math.ceil((double) numDff / perCol);
        } else if (fit.hasWidth()) {
            int perRow = Math.min((int) (fit.widthM() / cellWidthM), numDff);
            if (perRow <= 0) {
                throw new IllegalArgumentException("DFF row width " + fit.widthM() + " m below one cell");
            }
            widthM = fit.widthM();
            heightM = cellHeightM * Math.ceil((double) numDff / perRow);
        } else {
            widthM = cellWidthM * numDff;
            heightM = cellHeightM;
        }
        Gates.Caps invCaps = Gates.gateCaps(tech, Gates.Type.INV, 1, widthInvNM, widthInvPM, cellHeightM);
        capInvInputF = invCaps.inputF();
        capInvOutputF = invCaps.outputF();
        capTgGateNF = Gates.gateCap(tech, widthInvNM);
        capTgGatePF = Gates.gateCap(tech, widthInvPM);
        capTgDrainF = Gates.gateCaps(tech, Gates.Type.INV, 1, widthInvNM, widthInvPM, cellHeightM).outputF();
    }

    public int numDff() {
        return numDff;
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

    /** Height of one DFF cell, m. */
    public double cellHeightM() {
        return cellHeightM;
    }

    /** Drain capacitance of the input transmission gate (the load a DFF puts on its driver), F. */
    public double capTgDrainF() {
        return capTgDrainF;
    }

    /**
     * Dynamic energy, J.
     *
     * @param numAccess     clocked accesses
     * @param numDffPerOp   flip-flops that take new data per access (capped at the bank size)
     * @param activity      switching-activity factor (γ when calibrated, else 1)
     */
    public double energyJ(double numAccess, double numDffPerOp, double activity) {
        double vdd2 = tech.vddV() * tech.vddV();
        double active = Math.min(numDffPerOp, numDff);
        double e = (capInvInputF + capInvOutputF) * 4 * numDff
                + capTgGateNF * 2 * numDff + capTgGatePF * 2 * numDff
                + (capTgDrainF * 3 + capInvInputF) * active
                + (capTgDrainF + capInvOutputF) * active
                + (capInvInputF + capInvOutputF) * active;
        return e * vdd2 * numAccess * activity;
    }

    /** Leakage power, W (8 inverters per DFF). */
    public double leakageW() {
        return Gates.leakageA(tech, Gates.Type.INV, 1, widthInvNM, widthInvPM) * tech.vddV() * 8 * numDff;
    }
}
