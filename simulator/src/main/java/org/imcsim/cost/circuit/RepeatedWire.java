package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * An optimally repeated on-chip wire (Bakoglu): repeater size √(R_drv·c_w / (C_in·r_w)) and spacing
 * √(2·R_drv·(C_in + C_out)/(r_w·c_w)), then traded toward smaller, sparser repeaters until the delay
 * grows by the given tolerance. Gives delay and energy per metre per bit, and leakage per metre.
 * After NeuroSim V1.4 {@code Bus.cpp}/{@code HTree.cpp}/{@code XYBus.cpp}.
 */
public final class RepeatedWire {
    private final Technology tech;
    private final double minDistM;
    private final double widthInvNM;
    private final double widthInvPM;
    private final double heightInvM;
    private final double widthInvM;
    private final double capInF;
    private final double capOutF;
    private final double resOnRepOhm;

    /**
     * @param delayTolerance allowed delay increase over the optimum (0 = optimum)
     * @param halving        trade-off step: halve the repeater (global H-tree/X-Y bus) or shrink by one
     *                       minimum size and stop at 1 (local bus)
     */
    public RepeatedWire(Technology tech, double delayTolerance, boolean halving) {
        this.tech = tech;
        double f = tech.featureSizeM();
        double pn = tech.pnSizeRatio();
        double minN = Gates.MIN_NMOS_SIZE_F * f;
        double minP = pn * minN;
        double h = Gates.cellHeight(tech);
        double rw = tech.wireResistanceOhmPerM();
        double cw = tech.wireCapFPerM();
        Gates.Size minInv = Gates.gateArea(tech, Gates.Type.INV, 1, minN, minP, h);
        Gates.Caps minCaps = Gates.gateCaps(tech, Gates.Type.INV, 1, minN, minP, minInv.heightM());
        double rOn = (Gates.onResistance(tech, minN, false) + Gates.onResistance(tech, minP, true)) / 2;
        int size = (int) Math.floor(Math.sqrt(rOn * cw / minCaps.inputF() / rw));
        double dist = Math.sqrt(2 * rOn * (minCaps.outputF() + minCaps.inputF()) / (rw * cw));
        double minDelay = unitDelay(size, dist, rw);
        if (delayTolerance > 0) {
            double delay = 0;
            while (delay < minDelay * (1 + delayTolerance) && (halving || size >= 1)) {
                size = halving ? size / 2 : size - 1;
                dist *= 0.9;
                delay = size > 0 ? unitDelay(size, dist, rw) : Double.POSITIVE_INFINITY;
            }
        }
        minDistM = dist;
        int s = Math.max(1, size);
        widthInvNM = s * minN;
        widthInvPM = s * minP;
        Gates.Size inv = Gates.gateArea(tech, Gates.Type.INV, 1, widthInvNM, widthInvPM, h);
        heightInvM = inv.heightM();
        widthInvM = inv.widthM();
        Gates.Caps caps = Gates.gateCaps(tech, Gates.Type.INV, 1, widthInvNM, widthInvPM, inv.heightM());
        capInF = caps.inputF();
        capOutF = caps.outputF();
        resOnRepOhm = (Gates.onResistance(tech, widthInvNM, false) + Gates.onResistance(tech, widthInvPM, true)) / 2;
    }

    private double unitDelay(int size, double dist, double rw) {
        double f = tech.featureSizeM();
        double n = Gates.MIN_NMOS_SIZE_F * f * size;
        double p = tech.pnSizeRatio() * n;
        Gates.Size rep = Gates.gateArea(tech, Gates.Type.INV, 1, n, p, Gates.cellHeight(tech));
        Gates.Caps c = Gates.gateCaps(tech, Gates.Type.INV, 1, n, p, rep.heightM());
        double r = (Gates.onResistance(tech, n, false) + Gates.onResistance(tech, p, true)) / 2;
        double cw = tech.wireCapFPerM();
        return 0.7 * (r * (c.inputF() + c.outputF() + cw * dist) + 0.54 * rw * dist * cw * dist
                + rw * dist * c.inputF()) / dist;
    }

    /** Repeater spacing, m. */
    public double minDistM() {
        return minDistM;
    }

    /** Repeater cell height, m (H-tree horizontal wiring pitch). */
    public double repeaterHeightM() {
        return heightInvM;
    }

    /** Repeater cell width, m (bus wiring pitch). */
    public double repeaterWidthM() {
        return widthInvM;
    }

    /** Whether a wire of this length gets at least one repeater. */
    public boolean repeated(double lengthM) {
        return Math.ceil(lengthM / minDistM) > 0;
    }

    /** Delay per metre of a repeated wire with the given wire resistance, s/m. */
    public double delayPerMS(double wireResOhmPerM) {
        double cw = tech.wireCapFPerM();
        double d = minDistM;
        return 0.7 * (resOnRepOhm * (capInF + capOutF + cw * d) + 0.54 * wireResOhmPerM * d * cw * d
                + wireResOhmPerM * d * capInF) / d;
    }

    /** Delay per metre of an unrepeated wire, s/m. */
    public double bareDelayPerMS(double wireResOhmPerM) {
        double cw = tech.wireCapFPerM();
        return 0.7 * wireResOhmPerM * minDistM * cw * minDistM / minDistM;
    }

    /** Energy per metre per full-swing transition pair (half C·V² per bit transfer), J/m. */
    public double energyPerMJ() {
        return (capInF + capOutF + tech.wireCapFPerM() * minDistM) * tech.vddV() * tech.vddV() / minDistM * 0.5;
    }

    /** Energy per metre of an unrepeated wire, J/m. */
    public double bareEnergyPerMJ() {
        return tech.wireCapFPerM() * tech.vddV() * tech.vddV() * 0.5;
    }

    /** Leakage per metre per bit, W/m. */
    public double leakagePerMW() {
        return Gates.leakageA(tech, Gates.Type.INV, 1, widthInvNM, widthInvPM) * tech.vddV() / minDistM;
    }
}
