package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Roadmap;
import org.imcsim.cost.Technology;

/**
 * A successive-approximation ADC per column group: one comparator, a capacitive DAC and SAR logic, so
 * area and energy grow about linearly in bits. Area: (269 + 109·(bits−1)) minimum NMOS and
 * (209 + 73·(bits−1)) minimum PMOS; latency (bits + 1) ns per conversion; energy a SPICE fit of power
 * (linear in bits plus a column-current term in R) × conversion time. After NeuroSim V1.4
 * {@code SarADC.cpp} (fits from Lu et al. 2024).
 */
public final class SarAdc {
    private final Technology tech;
    private final int levels;
    private final double readVoltageV;
    private final double areaM2;
    private final double heightM;
    private final double widthM;

    /**
     * @param numAdc       ADCs in the sub-array
     * @param levels       output levels (2^bits)
     * @param readVoltageV array read voltage (the fit scales R by 0.5 V / Vread)
     * @param arrayWidthM  width to lay the ADCs under, m
     */
    public SarAdc(Technology tech, int numAdc, int levels, double readVoltageV, double arrayWidthM) {
        this.tech = tech;
        this.levels = levels;
        this.readVoltageV = readVoltageV;
        double f = tech.featureSizeM();
        double h = Gates.cellHeight(tech);
        Gates.Size n = Gates.gateArea(tech, Gates.Type.INV, 1, Gates.MIN_NMOS_SIZE_F * f, 0, h);
        Gates.Size p = Gates.gateArea(tech, Gates.Type.INV, 1, 0, tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f, h);
        double bits = log2(levels);
        double unit = n.areaM2() * (269 + (bits - 1) * 109) + p.areaM2() * (209 + (bits - 1) * 73);
        areaM2 = unit * numAdc;
        widthM = arrayWidthM;
        heightM = areaM2 / arrayWidthM;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
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

    /** Conversion time (bits + 1) ns, s. */
    public double latencyS() {
        return (log2(levels) + 1) * 1e-9;
    }

    /** Energy of one conversion of a column of resistance {@code columnResOhm}, J. */
    public double conversionEnergyJ(double columnResOhm) {
        double r = columnResOhm * 0.5 / readVoltageV;
        double power;
        if (Double.isInfinite(r)) {
            power = 1e-6;
        } else if (r == 0) {
            power = 0;
        } else {
            double bits = log2(levels);
            double[] c;
            if (tech.roadmap() == Roadmap.HP) {
                c = switch (tech.nodeNm()) {
                    case 130 -> new double[] {6.4806, 49.047, 0.207452, -2.367};
                    case 90 -> new double[] {4.3474, 31.782, 0.164900, -2.345};
                    case 65 -> new double[] {2.9503, 22.047, 0.128483, -2.321};
                    case 45 -> new double[] {2.1843, 11.931, 0.097754, -2.296};
                    case 32 -> new double[] {1.0157, 7.6286, 0.083709, -2.313};
                    default -> new double[] {0.7213, 3.3041, 0.084273, -2.311};
                };
            } else {
                c = switch (tech.nodeNm()) {
                    case 130 -> new double[] {8.4483, 65.243, 0.169380, -2.303};
                    case 90 -> new double[] {5.9869, 37.462, 0.144323, -2.303};
                    case 65 -> new double[] {3.7506, 25.844, 0.121272, -2.303};
                    case 45 -> new double[] {2.1691, 16.693, 0.100225, -2.303};
                    case 32 -> new double[] {1.1294, 8.8998, 0.079449, -2.297};
                    default -> new double[] {0.538, 4.3753, 0.072341, -2.303};
                };
            }
            power = (c[0] * bits + c[1]) * 1e-6 + c[2] * Math.exp(c[3] * Math.log10(r));
        }
        return power * latencyS();
    }
}
