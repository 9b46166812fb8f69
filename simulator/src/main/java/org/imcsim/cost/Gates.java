package org.imcsim.cost;

/**
 * Gate-level layout, capacitance, resistance, leakage and delay helpers for planar bulk CMOS, the
 * building blocks every circuit model uses. The equations are those of NeuroSim's {@code formula.cpp}
 * (itself after CACTI): standard cells of fixed height 28 F with folding when a transistor is wider
 * than the diffusion strip allows, drain capacitance from bottom/sidewall/gate-edge junction areas,
 * on-resistance R = k·Vdd/(Ion·W), and Horowitz's delay for a ramp input. Units: metres, farads,
 * ohms, amperes, seconds. Design rules are in units of F (the logic feature size).
 */
public final class Gates {

    /** Logic gate topology. */
    public enum Type { INV, NAND, NOR }

    /** Standard-cell height, F. */
    public static final double MAX_TRANSISTOR_HEIGHT_F = 28.0;
    /** Minimum NMOS width, F. */
    public static final double MIN_NMOS_SIZE_F = 2.0;
    /** Gap between P and N diffusions, F. */
    public static final double GAP_P_N_DIFF_F = 3.5;
    /** Poly extension beyond diffusion, F. */
    public static final double POLY_EXT_DIFF_F = 1.0;
    /** Gap between field poly, F. */
    public static final double GAP_FIELD_POLY_F = 1.6;
    /** Poly width, F. */
    public static final double POLY_WIDTH_F = 1.0;
    /** Gap between gate polys, F. */
    public static final double GAP_GATE_POLY_F = 2.8;
    /** Contacted poly pitch, F. */
    public static final double CPP_F = POLY_WIDTH_F + GAP_GATE_POLY_F;
    /** Metal-3 pitch (decoder wiring along the height), F. */
    public static final double M3_PITCH_F = 2.8;
    /** Average leakage ratio of 2-input NAND (stacking), after CACTI. */
    public static final double LEAK_RATIO_NAND2 = 0.48;
    /** Average leakage ratio of 3+-input NAND. */
    public static final double LEAK_RATIO_NAND3 = 0.31;
    /** Average leakage ratio of 2-input NOR. */
    public static final double LEAK_RATIO_NOR2 = 0.95;
    /** Average leakage ratio of 3+-input NOR. */
    public static final double LEAK_RATIO_NOR3 = 0.62;

    /** Source of these helpers. */
    public static final Source SOURCE = new Source("gates", Source.NEUROSIM_V14 + " formula.cpp; " + Source.CACTI);

    private Gates() {
    }

    /** Height and width of a laid-out cell, m. */
    public record Size(double heightM, double widthM) {
        public double areaM2() {
            return heightM * widthM;
        }
    }

    /** Input (gate) and output (drain) capacitance of a gate, F. */
    public record Caps(double inputF, double outputF) {
    }

    /** Delay of a stage and the output ramp rate it hands to the next stage (1/s). */
    public record Delay(double delayS, double rampOut) {
    }

    /** The standard cell height 28 F, m. */
    public static double cellHeight(Technology t) {
        return MAX_TRANSISTOR_HEIGHT_F * t.featureSizeM();
    }

    /** Gate capacitance of a transistor of the given width, F. */
    public static double gateCap(Technology t, double widthM) {
        return t.capGatePerWidthFPerM() * widthM;
    }

    /** Usable diffusion widths {maxP, maxN} of a cell region of the given height for a P/(P+N) ratio. */
    private static double[] maxWidths(Technology t, double ratio, double heightRegionM) {
        double f = t.featureSizeM();
        double ends = (POLY_EXT_DIFF_F + GAP_FIELD_POLY_F / 2) * 2 * f;
        if (ratio == 0) {
            return new double[] {0, heightRegionM - ends};
        } else if (ratio == 1) {
            return new double[] {heightRegionM - ends, 0};
        }
        double maxP = ratio * (heightRegionM - GAP_P_N_DIFF_F * f - ends);
        return new double[] {maxP, maxP / ratio * (1 - ratio)};
    }

    /**
     * Layout of a logic gate in a cell of fixed height; transistors wider than the strip are folded.
     * Series stacks of NAND/NOR share source/drain when nothing is folded.
     */
    public static Size gateArea(Technology t, Type type, int numInput, double widthNM, double widthPM,
                                double heightRegionM) {
        double f = t.featureSizeM();
        double ratio = widthPM / (widthPM + widthNM);
        double[] max = maxWidths(t, ratio, heightRegionM);
        int foldP = 1;
        int foldN = 1;
        double unitP = 0;
        double unitN = 0;
        if (widthPM > 0) {
            if (widthPM <= max[0]) {
                unitP = 2 * CPP_F * f;
            } else {
                foldP = (int) Math.ceil(widthPM / max[0]);
                unitP = (foldP + 1) * CPP_F * f;
            }
        }
        if (widthNM > 0) {
            if (widthNM <= max[1]) {
                unitN = 2 * CPP_F * f;
            } else {
                foldN = (int) Math.ceil(widthNM / max[1]);
                unitN = (foldN + 1) * CPP_F * f;
            }
        }
        double wP;
        double wN;
        switch (type) {
            case INV -> {
                wP = unitP;
                wN = unitN;
            }
            default -> {
                if (foldP == 1 && foldN == 1) {
                    wP = unitP * numInput - (numInput - 1) * f * CPP_F;
                    wN = unitN * numInput - (numInput - 1) * f * CPP_F;
                } else {
                    wP = unitP * numInput;
                    wN = unitN * numInput;
                }
            }
        }
        return new Size(heightRegionM, Math.max(wN, wP));
    }

    /**
     * Input and output capacitance of a logic gate laid out in a cell of the given height: input is the
     * gate capacitance of one N and one P; output is the drain junction (bottom + sidewall + gate edge)
     * of the devices tied to the output node, with folding and source/drain sharing.
     */
    public static Caps gateCaps(Technology t, Type type, int numInput, double widthNM, double widthPM,
                                double heightRegionM) {
        double f = t.featureSizeM();
        double in = gateCap(t, widthNM) + gateCap(t, widthPM);
        double ratio = widthPM / (widthPM + widthNM);
        double[] max = maxWidths(t, ratio, heightRegionM);
        int foldP = 1;
        int foldN = 1;
        double drainP = 0;
        double sourceP = 0;
        double heightP = 0;
        double drainN = 0;
        double sourceN = 0;
        double heightN = 0;
        if (widthPM > 0) {
            if (widthPM <= max[0]) {
                drainP = f * GAP_GATE_POLY_F;
                sourceP = drainP;
                heightP = widthPM;
            } else {
                foldP = (int) Math.ceil(widthPM / max[0]);
                drainP = Math.ceil((foldP + 1) / 2.0) * f * GAP_GATE_POLY_F;
                sourceP = Math.floor((foldP + 1) / 2.0) * f * GAP_GATE_POLY_F;
                heightP = max[0];
            }
        }
        if (widthNM > 0) {
            if (widthNM <= max[1]) {
                drainN = f * GAP_GATE_POLY_F;
                sourceN = drainN;
                heightN = widthNM;
            } else {
                foldN = (int) Math.ceil(widthNM / max[1]);
                drainN = Math.ceil((foldN + 1) / 2.0) * f * GAP_GATE_POLY_F;
                sourceN = Math.floor((foldN + 1) / 2.0) * f * GAP_GATE_POLY_F;
                heightN = max[1];
            }
        }
        double wDrainP = 0;
        double wDrainN = 0;
        double sideP = 0;
        double sideN = 0;
        switch (type) {
            case INV -> {
                // As in NeuroSim, both sidewall counts follow the PMOS folding parity.
                if (widthPM > 0) {
                    wDrainP = drainP;
                    sideP = wDrainP * 2 + heightP * (1 + (foldP + 1) % 2);
                }
                if (widthNM > 0) {
                    wDrainN = drainN;
                    sideN = wDrainN * 2 + heightN * (1 + (foldP + 1) % 2);
                }
            }
            case NOR -> {
                if (foldP == 1 && foldN == 1) {
                    if (widthPM > 0) {
                        wDrainP = drainP * numInput;
                        sideP = wDrainP * 2 + heightP;
                    }
                    if (widthNM > 0) {
                        wDrainN = drainN * Math.floor((numInput + 1) / 2.0);
                        sideN = wDrainN * 2 + heightN * (1 - (numInput + 1) % 2);
                    }
                } else {
                    if (widthPM > 0) {
                        wDrainP = drainP * numInput + (numInput - 1) * sourceP;
                        sideP = wDrainP * 2 + heightP * (1 + (foldP + 1) % 2) * numInput
                                + heightP * (1 - (foldP + 1) % 2) * (numInput - 1);
                    }
                    if (widthNM > 0) {
                        wDrainN = drainN * numInput;
                        sideN = wDrainN * 2 + heightN * (1 + (foldN + 1) % 2) * numInput;
                    }
                }
            }
            case NAND -> {
                if (foldP == 1 && foldN == 1) {
                    if (widthPM > 0) {
                        wDrainP = drainP * Math.floor((numInput + 1) / 2.0);
                        sideP = wDrainP * 2 + heightP * (1 - (numInput + 1) % 2);
                    }
                    if (widthNM > 0) {
                        wDrainN = drainN * numInput;
                        sideN = wDrainN * 2 + heightN;
                    }
                } else {
                    if (widthPM > 0) {
                        wDrainP = drainP * numInput;
                        sideP = wDrainP * 2 + heightP * (1 + (foldP + 1) % 2) * numInput;
                    }
                    if (widthNM > 0) {
                        wDrainN = drainN * numInput + (numInput - 1) * sourceN;
                        sideN = wDrainN * 2 + heightN * (1 + (foldN + 1) % 2) * numInput
                                + heightN * (1 - (foldN + 1) % 2) * (numInput - 1);
                    }
                }
            }
        }
        double bottom = (wDrainN * heightN + wDrainP * heightP) * t.capJunctionFPerM2();
        double side = (sideN + sideP) * t.capSidewallFPerM();
        double toChannel = (foldN * heightN + foldP * heightP) * t.capDrainToChannelFPerM();
        return new Caps(in, bottom + side + toChannel);
    }

    /** Drain capacitance of a single transistor (an inverter with only that device), F. */
    public static double drainCap(Technology t, double widthM, boolean pmos, double heightRegionM) {
        return pmos ? gateCaps(t, Type.INV, 1, 0, widthM, heightRegionM).outputF()
                : gateCaps(t, Type.INV, 1, widthM, 0, heightRegionM).outputF();
    }

    /**
     * Subthreshold leakage current of a gate, A (multiply by Vdd for power). Inverters average the N
     * and P states; NAND/NOR stacks use CACTI's average stacking ratios.
     */
    public static double leakageA(Technology t, Type type, int numInput, double widthNM, double widthPM) {
        return switch (type) {
            case INV -> (widthNM * t.currentOffNmosAPerM() + widthPM * t.currentOffPmosAPerM()) / 2;
            case NOR -> (numInput == 2 ? LEAK_RATIO_NOR2 : LEAK_RATIO_NOR3) * widthNM * t.currentOffNmosAPerM() * numInput;
            case NAND -> (numInput == 2 ? LEAK_RATIO_NAND2 : LEAK_RATIO_NAND3) * widthPM * t.currentOffPmosAPerM() * numInput;
        };
    }

    /** Effective switching on-resistance k·Vdd/(Ion·W) (CACTI), Ω. */
    public static double onResistance(Technology t, double widthM, boolean pmos) {
        return t.effectiveResistanceMultiplier() * onResistanceLinear(t, widthM, pmos);
    }

    /** Plain Vdd/(Ion·W), used for pass gates in the linear region, Ω. */
    public static double onResistanceLinear(Technology t, double widthM, boolean pmos) {
        double ion = pmos ? t.currentOnPmosAPerM() : t.currentOnNmosAPerM();
        return t.vddV() / (ion * widthM);
    }

    /** Transconductance 2·I(0.7Vdd)·W/(0.7Vdd − Vth), S (only used to form Horowitz's β, which is fixed). */
    public static double transconductance(Technology t, double widthM, boolean pmos) {
        double i = pmos ? t.currentGmPmosAPerM() : t.currentGmNmosAPerM();
        return 2 * i * widthM / (0.7 * t.vddV() - t.vthV());
    }

    /**
     * Horowitz's delay of an RC stage driven by a ramp (CACTI form with β = 0.5, switching at Vdd/2).
     *
     * @param trS       the stage's RC time constant, s
     * @param rampInput slope of the input ramp, 1/s ({@code 1e20} for a step)
     */
    public static Delay horowitz(double trS, double rampInput) {
        double alpha = 1 / rampInput / trS;
        double vs = 0.5;
        double beta = 0.5;
        double result = trS * Math.sqrt(Math.log(vs) * Math.log(vs) + 2 * alpha * beta * (1 - vs));
        return new Delay(result, (1 - vs) / result);
    }

    /** Layout of a transmission gate with the given number of fingers (1 = unfolded). */
    public static Size passGateArea(Technology t, double widthNM, double widthPM, int numFold) {
        double f = t.featureSizeM();
        double width = (numFold + 1) * CPP_F * f;
        double height = widthPM / numFold + widthNM / numFold + GAP_P_N_DIFF_F * f
                + (POLY_EXT_DIFF_F + GAP_FIELD_POLY_F / 2) * 2 * f;
        return new Size(height, width);
    }

    /**
     * Widen minimum-size devices to fill the cell height at no area cost (NeuroSim's EnlargeSize).
     *
     * @return {widthN, widthP}, m
     */
    public static double[] enlarge(Technology t, double widthNM, double widthPM, double heightRegionM) {
        double ratio = widthPM / (widthPM + widthNM);
        double[] max = maxWidths(t, ratio, heightRegionM);
        if (ratio == 0 && widthNM < max[1]) {
            return new double[] {max[1], widthPM};
        } else if (ratio == 1 && widthPM < max[0]) {
            return new double[] {widthNM, max[0]};
        } else if (widthPM > 0 && widthPM < max[0] && widthNM > 0 && widthNM < max[1]) {
            return new double[] {max[1], max[0]};
        }
        return new double[] {widthNM, widthPM};
    }
}
