package org.imcsim.cost;

import org.imcsim.config.BadInputException;

/**
 * Planar bulk-CMOS technology parameters at 300 K for one node and roadmap, in SI units.
 *
 * <p>Transistor values are the PTM model-card figures (ptm.asu.edu: 130/90/65/45/32 nm HP and LP,
 * 22 nm HP and LP) as tabulated by NeuroSim V1.4 {@code Technology.cpp}; the effective-resistance
 * multiplier is CACTI's (1.54 HP, 1.77 LP; 1.54 for 130 nm LP). Junction capacitances use NeuroSim's
 * BSIM4-style constants (Cj0 = 1e-3 F/m², Cjsw = 2.5e-10 F/m, Cjswg = 0.5e-10 F/m, PB = 0.9 V,
 * grading 0.5/0.33/0.33) evaluated at V = Vdd. Interconnect: minimum wire width per node, aspect
 * ratio, bulk resistivity and barrier thickness from NeuroSim V1.4 {@code Param.cpp} (ITRS
 * interconnect tables; NeuroSim's barrier correction is dimensionally void there, see
 * {@link #wireResistance}), and a wire capacitance of 0.2 fF/µm for every level. The per-node read voltage and driver sizing factors
 * are NeuroSim V1.4's calibrated defaults (its ADC fits assume that read voltage).
 *
 * @param nodeNm                       technology node, nm (130, 90, 65, 45, 32, 22)
 * @param roadmap                      transistor flavour
 * @param featureSizeM                 logic feature size F, m (= node)
 * @param vddV                         supply voltage, V
 * @param vthV                         threshold voltage, V
 * @param phyGateLengthM               physical gate length, m
 * @param capIdealGateFPerM            intrinsic gate capacitance per width, F/m
 * @param capFringeFPerM               fringe capacitance per width, F/m
 * @param capOverlapFPerM              overlap capacitance per width (0.2·Cideal), F/m
 * @param capJunctionFPerM2            drain bottom junction capacitance at Vdd, F/m²
 * @param capSidewallFPerM             drain sidewall capacitance at Vdd, F/m
 * @param capDrainToChannelFPerM       drain-to-channel (gate-edge sidewall) capacitance at Vdd, F/m
 * @param effectiveResistanceMultiplier CACTI's Vdsat correction to Vdd/Ion
 * @param currentOnNmosAPerM           NMOS saturation current per width, A/m
 * @param currentOnPmosAPerM           PMOS saturation current per width, A/m
 * @param currentOffNmosAPerM          NMOS off current per width, A/m
 * @param currentOffPmosAPerM          PMOS off current per width, A/m
 * @param currentGmNmosAPerM           NMOS current at 0.7·Vdd (for gm), A/m
 * @param currentGmPmosAPerM           PMOS current at 0.7·Vdd (for gm), A/m
 * @param wireWidthNm                  minimum metal width, nm (NeuroSim's Metal0 = Metal1)
 * @param wireResistanceOhmPerM        minimum-width wire resistance, Ω/m
 * @param wireCapFPerM                 wire capacitance, F/m (0.2 fF/µm)
 * @param senseReadVoltageV            read voltage assumed by NeuroSim's ADC fits at this node, V
 * @param muxDriverSizing              NeuroSim {@code sizingfactor_MUX} (mux-decoder output driver)
 * @param rowSwitchSizeRatio           NeuroSim {@code newswitchmatrixsizeratio} (1T1R WL switch)
 * @param columnSwitchSizeRatio        NeuroSim {@code switchmatrixsizeratio} (BL/SL switch)
 */
public record Technology(int nodeNm, Roadmap roadmap, double featureSizeM, double vddV, double vthV,
                         double phyGateLengthM, double capIdealGateFPerM, double capFringeFPerM,
                         double capOverlapFPerM, double capJunctionFPerM2, double capSidewallFPerM,
                         double capDrainToChannelFPerM, double effectiveResistanceMultiplier,
                         double currentOnNmosAPerM, double currentOnPmosAPerM, double currentOffNmosAPerM,
                         double currentOffPmosAPerM, double currentGmNmosAPerM, double currentGmPmosAPerM,
                         double wireWidthNm, double wireResistanceOhmPerM, double wireCapFPerM,
                         double senseReadVoltageV, double muxDriverSizing, double rowSwitchSizeRatio,
                         double columnSwitchSizeRatio) {

    /** The nodes this table covers, largest first. */
    public static final int[] NODES_NM = {130, 90, 65, 45, 32, 22};

    /** Wire capacitance per length used for every wire in the NeuroSim models: 0.2 fF/µm. */
    public static final double WIRE_CAP_F_PER_M = 0.2e-15 / 1e-6;

    /** Source of every figure in this table. */
    public static final Source SOURCE = new Source("technology",
            Source.PTM + "; CACTI R_eff multiplier; ITRS wire tables via " + Source.NEUROSIM_V14
                    + " Technology.cpp/Param.cpp");

    /** PMOS-to-NMOS width ratio for equal drive, Ion,n / Ion,p. */
    public double pnSizeRatio() {
        return currentOnNmosAPerM / currentOnPmosAPerM;
    }

    /**
     * The feature size NeuroSim uses for memory-cell geometry that is tied to the metal pitch
     * (its {@code param->featuresize}: the minimum wire width): cross-point cells and the dummy
     * reference columns of the sense amplifiers are drawn in this F, 1T1R cells in the logic F.
     */
    public double memoryFeatureSizeM() {
        return wireWidthNm * 1e-9;
    }

    /** The low-standby-power (LSTP) flavour of a node. */
    public static Technology of(int nodeNm) {
        return of(nodeNm, Roadmap.LSTP);
    }

    /**
     * Look up a node.
     *
     * @throws BadInputException if the node is not one of {@link #NODES_NM}
     */
    public static Technology of(int nodeNm, Roadmap roadmap) {
        boolean lp = roadmap == Roadmap.LSTP;
        // PTM columns: vdd, vth, Lphy, Cideal, Cfringe, Reff multiplier, Igm,n, Igm,p, Ion,n, Ion,p, Ioff,n, Ioff,p
        double[] p = switch (nodeNm) {
            case 130 -> lp ? new double[] {1.3, 466.0949e-3, 7.5e-8, 1.8574e-9, 9.530642e-10, 1.54, 3.87e1, 5.67e1, 300.70, 150.70, 100.20e-6, 100.20e-6}
                           : new double[] {1.3, 128.4855e-3, 7.5e-8, 6.058401e-10, 6.119807e-10, 1.54, 3.94e2, 2.61e2, 0.93e3, 0.43e3, 100.00e-3, 100.20e-3};
            case 90 -> lp ? new double[] {1.2, 501.3229e-3, 5.5e-8, 1.5413e-9, 9.601334e-10, 1.77, 4.38e1, 5.99e1, 346.30, 200.30, 100.00e-6, 100.30e-6}
                          : new double[] {1.2, 146.0217e-3, 5.5e-8, 5.694423e-10, 5.652302e-10, 1.54, 4.95e2, 3.16e2, 1.07e3, 0.54e3, 100.8e-3, 100.00e-3};
            case 65 -> lp ? new double[] {1.1, 501.6636e-3, 3.5e-8, 1.1926e-9, 9.62148e-10, 1.77, 5.90e1, 6.75e1, 400.00, 238.70, 100.20e-6, 100.20e-6}
                          : new double[] {1.1, 166.3941e-3, 3.5e-8, 4.868295e-10, 5.270361e-10, 1.54, 5.72e2, 3.99e2, 1.12e3, 0.70e3, 100.00e-3, 100.10e-3};
            case 45 -> lp ? new double[] {1.0, 464.3718e-3, 3.0e-8, 8.930709e-10, 8.849901e-10, 1.77, 1.32e2, 8.65e1, 500.20, 300.00, 100.00e-6, 100.20e-6}
                          : new double[] {1.0, 171.0969e-3, 3.0e-8, 4.091305e-10, 4.957928e-10, 1.54, 7.37e2, 6.30e2, 1.27e3, 1.08e3, 100.00e-3, 100.20e-3};
            case 32 -> lp ? new double[] {0.9, 442.034e-3, 2.8e-8, 8.375279e-10, 6.856677e-10, 1.77, 2.56e2, 1.19e2, 600.20, 400.00, 100.10e-6, 100.10e-6}
                          : new double[] {0.9, 194.4951e-3, 2.8e-8, 3.767721e-10, 4.713762e-10, 1.54, 9.29e2, 6.73e2, 1.41e3, 1.22e3, 100.30e-3, 100.10e-3};
            case 22 -> lp ? new double[] {0.85, 419.915e-3, 2.6e-8, 5.245e-10, 8.004e-10, 1.77, 4.56e2, 1.85e2, 791.90, 600.20, 100.00e-6, 100.00e-6}
                          : new double[] {0.85, 208.9006e-3, 2.6e-8, 3.287e-10, 4.532e-10, 1.54, 1.08e3, 6.98e2, 1.50e3, 1.32e3, 100.20e-3, 100.20e-3};
            default -> throw new BadInputException(null, "technology.node",
                    "supported nodes are 130, 90, 65, 45, 32 and 22 nm, got " + nodeNm + " nm");
        };
        double vdd = p[0];
        // Junction capacitances at reverse bias Vdd (BSIM4 grading, NeuroSim Technology.cpp constants).
        double pb = 0.9;
        double capJunction = 1e-3 / Math.pow(1 + vdd / pb, 0.5);
        double capSidewall = 2.5e-10 / Math.pow(1 + vdd / pb, 0.33);
        double capDrainToChannel = 0.5e-10 / Math.pow(1 + vdd / pb, 0.33);
        // Minimum wire width (nm) and barrier thickness per node (NeuroSim Param.cpp).
        double wireWidthNm;
        double barrierM;
        switch (nodeNm) {
            case 130 -> { wireWidthNm = 175; barrierM = 10.0e-9; }
            case 90 -> { wireWidthNm = 110; barrierM = 10.0e-9; }
            case 65 -> { wireWidthNm = 105; barrierM = 7.0e-9; }
            case 45 -> { wireWidthNm = 80; barrierM = 5.0e-9; }
            case 32 -> { wireWidthNm = 56; barrierM = 4.0e-9; }
            default -> { wireWidthNm = 40; barrierM = 2.5e-9; }
        }
        double wireRes = wireResistance(wireWidthNm, barrierM);
        // NeuroSim V1.4 per-node read voltage (fixed by its ADC fits) and driver sizing (Param.cpp).
        double vRead = switch (nodeNm) {
            case 130, 90 -> 0.58;
            case 65 -> 0.55;
            case 45, 32 -> 0.51;
            default -> 0.55;
        };
        double muxSizing = nodeNm == 22 ? 110 : 1;
        double rowSwitch = nodeNm == 22 ? 14 : 6;
        double colSwitch = nodeNm == 22 ? 0.2 : 0.1;
        return new Technology(nodeNm, roadmap, nodeNm * 1e-9, vdd, p[1], p[2], p[3], p[4], 0.2 * p[3],
                capJunction, capSidewall, capDrainToChannel, p[5], p[8], p[9], p[10], p[11], p[6], p[7],
                wireWidthNm, wireRes, WIRE_CAP_F_PER_M, vRead, muxSizing, rowSwitch, colSwitch);
    }

    /**
     * Resistance per metre of a copper wire of the given width with the node table's aspect ratio and
     * size-dependent resistivity (NeuroSim Param.cpp, from ITRS). NeuroSim also writes a barrier
     * correction ρ/(1 − (2·AR·w + w)·t_b/(AR·w²)), but evaluates it with w in nm and t_b in m, which
     * makes it vanish (< 1e-9); the estimator follows NeuroSim's effective values, so the barrier
     * thickness is accepted and documented but does not change the result.
     */
    public static double wireResistance(double widthNm, double barrierM) {
        double ar;
        double rho;
        if (widthNm >= 175) { ar = 1.6; rho = 2.01e-8; }
        else if (widthNm >= 110) { ar = 1.6; rho = 2.20e-8; }
        else if (widthNm >= 105) { ar = 1.7; rho = 2.21e-8; }
        else if (widthNm >= 80) { ar = 1.7; rho = 2.37e-8; }
        else if (widthNm >= 56) { ar = 1.8; rho = 2.63e-8; }
        else if (widthNm >= 40) { ar = 1.9; rho = 2.97e-8; }
        else if (widthNm >= 32) { ar = 2.0; rho = 3.25e-8; }
        else if (widthNm >= 22) { ar = 2.0; rho = 3.95e-8; }
        else { ar = 2.0; rho = 4.17e-8; }
        // NeuroSim's correction with its units (w in nm, t_b in m): effectively 1.
        rho = rho / (1 - (2 * ar * widthNm + widthNm) * barrierM / (ar * widthNm * widthNm));
        double w = widthNm * 1e-9;
        return rho / (w * w * ar);
    }

    /**
     * Resistance per metre of a global wire of the given length: NeuroSim's H-tree/X-Y bus rule widens
     * the wire to 2× (≥ 10⁴ F long) or 4× (≥ 10⁵ F long) the minimum width, with its own barrier table.
     */
    public double globalWireResistanceOhmPerM(double lengthM) {
        double ratio = lengthM / featureSizeM;
        double width = ratio >= 100000 ? 4 * wireWidthNm : ratio >= 10000 ? 2 * wireWidthNm : wireWidthNm;
        double barrier;
        if (width >= 110) barrier = 10.0e-9;
        else if (width >= 105) barrier = 7.0e-9;
        else if (width >= 80) barrier = 5.0e-9;
        else if (width >= 56) barrier = 4.0e-9;
        else if (width >= 40) barrier = 3.0e-9;
        else barrier = 2.5e-9;
        return wireResistance(width, barrier);
    }

    /** Total gate capacitance per unit width, F/m (ideal + overlap + fringe). */
    public double capGatePerWidthFPerM() {
        return capIdealGateFPerM + capOverlapFPerM + capFringeFPerM;
    }
}
