package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Roadmap;
import org.imcsim.cost.Technology;

/**
 * The multilevel sense-amplifier ADC (a flash converter): {@code levels − 1} sense amplifiers per ADC
 * compare the column against reference columns of evenly spaced conductance, so area and energy grow
 * as 2^bits. Current mode mirrors the column current; voltage mode (flash with voltage sense amps)
 * compares node voltages and draws no static mirror current.
 *
 * <p>Area: 9 minimum NMOS per sense amp plus the dummy reference columns (shared by
 * {@code dummyColumnShare} sense amps). Latency: a SPICE fit of the sensing time versus reference
 * resistance (plus a column-capacitance term above a threshold), the worse of the extreme references.
 * Energy per conversion of a column of resistance R: switching of the sense amps, latches and encoder
 * interface, plus the mirror's static power P(R)·t (SPICE fits per node, per roadmap).
 * All fits are NeuroSim V1.4's {@code MultilevelSenseAmp.cpp} (Lu et al. 2024).
 */
public final class MultilevelSenseAmp {
    private final Technology tech;
    private final int numAdc;
    private final int levels;
    private final boolean currentMode;
    private final double readVoltageV;
    private final double dummyColumnShare;
    private final double columnCapF;
    private final double[] refResOhm;
    private final double areaM2;
    private final double heightM;
    private final double widthM;
    private final double gateCapNF, junctionCapNF, gateCapPF, junctionCapPF;
    private final double latencyS;
    private final double referencePowerW;

    /**
     * @param numAdc           ADCs in the sub-array
     * @param levels           output levels (2^bits)
     * @param currentMode      current-mode MLSA (true) or voltage-mode flash (false)
     * @param numRowParallel   rows read at once (sets the reference conductance range)
     * @param ronOhm           device on-resistance (sets the reference conductance range)
     * @param readVoltageV     read voltage of the array (the fits scale R by 0.5 V / Vread)
     * @param columnCapF       column (bit-line) capacitance, F
     * @param dummyAreaPerColM2 area of one dummy reference column, m²
     * @param dummyColumnShare sense amps sharing one dummy column (NeuroSim default: the level count)
     * @param arrayWidthM      width to lay the ADC row under, m
     */
    public MultilevelSenseAmp(Technology tech, int numAdc, int levels, boolean currentMode, int numRowParallel,
                              double ronOhm, double readVoltageV, double columnCapF, double dummyAreaPerColM2,
                              double dummyColumnShare, double arrayWidthM) {
        if (levels < 2) {
            throw new IllegalArgumentException("ADC needs at least 2 levels, got " + levels);
        }
        this.tech = tech;
        this.numAdc = numAdc;
        this.levels = levels;
        this.currentMode = currentMode;
        this.readVoltageV = readVoltageV;
        this.dummyColumnShare = dummyColumnShare;
        this.columnCapF = columnCapF;
        // Reference conductances evenly split [0, numRowParallel/Ron] into `levels` steps.
        refResOhm = new double[levels - 1];
        double gStart = numRowParallel / ronOhm;
        for (int i = 0; i < levels - 1; i++) {
            refResOhm[i] = 1 / (gStart + i * (-gStart) / levels);
        }
        double f = tech.featureSizeM();
        double wN = Gates.MIN_NMOS_SIZE_F * f;
        double wP = tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f;
        double h = Gates.cellHeight(tech);
        Gates.Size nmos = Gates.gateArea(tech, Gates.Type.INV, 1, wN, 0, h);
        areaM2 = nmos.areaM2() * 9 * (levels - 1) * numAdc
                + dummyAreaPerColM2 * (levels - 1) * numAdc / dummyColumnShare;
        widthM = arrayWidthM;
        heightM = areaM2 / arrayWidthM;
        Gates.Caps p = Gates.gateCaps(tech, Gates.Type.INV, 1, 0, wP, h);
        Gates.Caps n = Gates.gateCaps(tech, Gates.Type.INV, 1, wN, 0, h);
        gateCapPF = p.inputF();
        junctionCapPF = p.outputF();
        gateCapNF = n.inputF();
        junctionCapNF = n.outputF();
        if (currentMode) {
            double lo = tableLatency(refResOhm[refResOhm.length - 1]);
            double hi = tableLatency(refResOhm[Math.min(1, refResOhm.length - 1)]);
            latencyS = Math.max(lo, hi);
        } else {
            latencyS = 1e-9;
        }
        double ref = 0;
        for (int i = 1; i < refResOhm.length - 1; i++) {
            ref += columnPowerW(refResOhm[i]) / dummyColumnShare;
        }
        referencePowerW = ref;
    }

    public double heightM() {
        return heightM;
    }

    public double widthM() {
        return widthM;
    }

    public double areaM2() {
        return areaM2;
    }

    public int levels() {
        return levels;
    }

    /** Sensing time of one conversion, s. */
    public double latencyS() {
        return latencyS;
    }

    /**
     * Energy of converting one column whose read path has resistance {@code columnResOhm}, J
     * ({@code Double.POSITIVE_INFINITY} for a column with no active row).
     */
    public double conversionEnergyJ(double columnResOhm) {
        double vdd2 = tech.vddV() * tech.vddV();
        double v2 = tech.senseReadVoltageV() * tech.senseReadVoltageV();
        int lm1 = levels - 1;
        // NeuroSim's column-cap share term divides by (levels-1) in integer arithmetic, which
        // vanishes for levels > 2; only the dummy-column share remains. Kept for fidelity.
        double colShare = (lm1 == 1 ? 1.0 : 0.0) + 1 / dummyColumnShare;
        double switching = columnCapF * 2 * colShare / 2 * v2
                + (gateCapNF * 2 + (currentMode ? junctionCapNF + gateCapNF : junctionCapNF) / lm1
                + (currentMode ? junctionCapNF + gateCapNF : junctionCapNF) / dummyColumnShare) * v2
                + (gateCapPF * 2 + gateCapNF) * vdd2
                + (gateCapPF * 3 + gateCapNF * 3 + (junctionCapPF + junctionCapNF) * 3 + junctionCapPF) * vdd2
                + (gateCapPF + gateCapNF) * vdd2;
        double power = columnPowerW(columnResOhm) + referencePowerW;
        double staticE = currentMode ? power * latencyS : power * 1e-9;
        return switching * lm1 + Math.max(staticE, 0);
    }

    /**
     * Static power of the current mirror and comparators for one column, W (SPICE fits; voltage mode 0).
     */
    public double columnPowerW(double columnResOhm) {
        double r = columnResOhm * 0.5 / readVoltageV;
        if (Double.isInfinite(r)) {
            return 1e-6;
        }
        if (r == 0) {
            return 0;
        }
        if (!currentMode) {
            return 0;
        }
        int lm1 = levels - 1;
        if (tech.roadmap() == Roadmap.HP) {
            double[] c = switch (tech.nodeNm()) {
                case 130 -> new double[] {19.898, 0.17452, -2.367};
                case 90 -> new double[] {13.09, 0.14900, -2.345};
                case 65 -> new double[] {9.9579, 0.1083, -2.321};
                case 45 -> new double[] {7.7017, 0.0754, -2.296};
                case 32 -> new double[] {3.9648, 0.079, -2.313};
                default -> new double[] {1.8939, 0.073, -2.311};
            };
            return c[0] * lm1 * 1e-6 + c[1] * Math.exp(c[2] * Math.log10(r));
        }
        // LP: piecewise fits in R (below 4832 Ω), ln R (to 379 269 Ω) and ln R above.
        double[] c = switch (tech.nodeNm()) {
            case 130 -> new double[] {-4.12599E-11, 1.48536E-06, -2.6617E-07, 3.56576E-06, -1.25872E-07, 1.81453E-06};
            case 90 -> new double[] {-1.67004E-11, 8.54958E-07, -1.50719E-07, 2.0858E-06, -8.89685E-08, 1.3007E-06};
            case 65 -> new double[] {-6.08647E-12, 4.82814E-07, -8.03449E-08, 1.16437E-06, -6.01171E-08, 8.9355E-07};
            case 45 -> new double[] {-3.96471E-12, 3.44344E-07, -5.66235E-08, 8.27849E-07, -4.32673E-08, 6.46111E-07};
            case 32 -> new double[] {-6.72783E-12, 4.19847E-07, -7.28881E-08, 1.02677E-06, -4.35333E-08, 6.4697E-07};
            default -> new double[] {-2.85373E-11, 9.16744E-07, -1.63133E-07, 2.1687E-06, -5.8712E-08, 8.64648E-07};
        };
        double p;
        if (r < 4832) {
            p = c[0] * r + c[1];
        } else if (r < 379269) {
            p = c[2] * Math.log(r) + c[3];
        } else {
            p = c[4] * Math.log(r) + c[5];
        }
        return p * lm1;
    }

    /** Sensing-time fit versus reference resistance (current mode), s. */
    private double tableLatency(double res) {
        double lat;
        double refCap;
        double dC;
        double r2 = 0.1e6;
        double threshold;
        switch (tech.nodeNm()) {
            case 130 -> {
                lat = res < 1832 ? -1.18573E-10 * Math.log(res) + 2.54175E-09 : 3.78659E-14 * res + 2.60629E-09;
                refCap = 26.62E-15; dC = 2.0E-9; threshold = 1.95E+3;
            }
            case 90 -> {
                lat = res < 4832 ? -1.08914E-10 * Math.log(res) + 2.43204E-09 : 2.8688E-14 * res + 2.31147E-09;
                refCap = 18.4E-15; dC = 1.5E-9; threshold = 4.83E+3;
            }
            case 65 -> {
                lat = res < 4832 ? -8.11436E-11 * Math.log(res) + 2.2554E-09 : 2.12366E-14 * res + 2.14339E-09;
                refCap = 13.3E-15; dC = 1.2E-9; threshold = 4.83E+3;
            }
            case 45 -> {
                lat = res < 4832 ? -1.12976E-10 * Math.log(res) + 2.16762E-09 : 1.54619E-14 * res + 1.60263E-09;
                refCap = 9.21E-15; dC = 0.81E-9; threshold = 4.83E+3;
            }
            case 32 -> {
                lat = res < 4832 ? -1.31777E-10 * Math.log(res) + 2.03151E-09 : 1.15509E-14 * res + 1.19475E-09;
                refCap = 6.55E-15; dC = 0.55E-9; threshold = 4.83E+3;
            }
            default -> {
                lat = res < 4832 ? -1.32118E-10 * Math.log(res) + 1.7552E-09 : 8.02517E-15 * res + 8.51803E-10;
                refCap = 4.5E-15; dC = 0.31E-9; threshold = 12.7E+3;
            }
        }
        if (res > threshold) {
            double cap = columnCapF + gateCapNF * (refResOhm.length - 2);
            lat += dC / (r2 - threshold) * (res - threshold) * ((cap - refCap) / refCap);
        }
        return lat;
    }
}
