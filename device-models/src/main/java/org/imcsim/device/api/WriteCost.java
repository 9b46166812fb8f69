package org.imcsim.device.api;

import java.util.List;
import org.imcsim.units.Dimension;

/**
 * Energy and latency to program one cell, as {@code writePulses} iterations of one write pulse
 * plus one verify read. Two forms:
 * <ul>
 *   <li><b>ohmic</b> (RRAM-like): a pulse of {@code writeVoltage} for {@code writePulse} across a
 *       cell of the target conductance dissipates {@code V_w²·G·t_w};</li>
 *   <li><b>fixed</b> (PCM-like, where programming melts the cell and the energy is not ohmic in
 *       the final state): {@code writeEnergy} per pulse.</li>
 * </ul>
 * Per cell: {@code E = n·(E_pulse + V_r²·G·t_r)}, {@code T = n·(t_w + t_r)}.
 */
public final class WriteCost {
    private final boolean ohmic;
    private final double writeVoltageV;
    private final double writeEnergyJ;
    private final double writePulseS;
    private final int pulses;
    private final double readVoltageV;
    private final double readPulseS;
    private final String source;

    private WriteCost(boolean ohmic, double writeVoltageV, double writeEnergyJ, double writePulseS, int pulses,
                      double readVoltageV, double readPulseS, String source) {
        this.ohmic = ohmic;
        this.writeVoltageV = writeVoltageV;
        this.writeEnergyJ = writeEnergyJ;
        this.writePulseS = writePulseS;
        this.pulses = pulses;
        this.readVoltageV = readVoltageV;
        this.readPulseS = readPulseS;
        this.source = source;
    }

    /** Specs of the ohmic form with defaults and their sources. */
    public static List<ParameterSpec> ohmicSpecs(String writeVoltage, String voltageSource, String writePulse, String pulseSource) {
        return List.of(
                ParameterSpec.quantity("writeVoltage", Dimension.VOLTAGE, writeVoltage,
                        "write pulse amplitude; energy per pulse V^2 x G x writePulse (default: " + voltageSource + ")"),
                ParameterSpec.quantity("writePulse", Dimension.TIME, writePulse, "write pulse width (default: " + pulseSource + ")"),
                pulsesSpec());
    }

    /** Specs of the fixed-energy form with defaults and their sources. */
    public static List<ParameterSpec> fixedSpecs(String writeEnergy, String writePulse, String source) {
        return List.of(
                ParameterSpec.quantity("writeEnergy", Dimension.ENERGY, writeEnergy, "energy of one write pulse (default: " + source + ")"),
                ParameterSpec.quantity("writePulse", Dimension.TIME, writePulse, "write pulse width (default: " + source + ")"),
                pulsesSpec());
    }

    private static ParameterSpec pulsesSpec() {
        return ParameterSpec.integer("writePulses", "1",
                "program-and-verify iterations per cell, >= 1; the default 1 is a single pulse and verify (the lower bound); "
                        + "set the mean iteration count of your write-verify scheme");
    }

    /** Parses the ohmic form. */
    public static WriteCost parseOhmic(DeviceParameters p, CellParameters cell, String defaultSource) {
        double v = p.si("writeVoltage");
        if (!(v > 0)) {
            throw new DeviceParameterException("writeVoltage", "must be > 0, got " + p.text("writeVoltage"));
        }
        double t = pulse(p);
        int n = pulses(p);
        String src = "write " + p.text("writeVoltage") + ", " + p.text("writePulse") + " x " + n + " ("
                + (p.isSet("writeVoltage") || p.isSet("writePulse") ? "set in config" : defaultSource) + ")";
        return new WriteCost(true, v, 0, t, n, cell.readVoltageV(), cell.readPulseS(), src);
    }

    /** Parses the fixed-energy form. */
    public static WriteCost parseFixed(DeviceParameters p, CellParameters cell, String defaultSource) {
        double e = p.si("writeEnergy");
        if (!(e >= 0)) {
            throw new DeviceParameterException("writeEnergy", "must be >= 0, got " + p.text("writeEnergy"));
        }
        double t = pulse(p);
        int n = pulses(p);
        String src = "write " + p.text("writeEnergy") + ", " + p.text("writePulse") + " x " + n + " ("
                + (p.isSet("writeEnergy") || p.isSet("writePulse") ? "set in config" : defaultSource) + ")";
        return new WriteCost(false, 0, e, t, n, cell.readVoltageV(), cell.readPulseS(), src);
    }

    private static double pulse(DeviceParameters p) {
        double t = p.si("writePulse");
        if (!(t > 0)) {
            throw new DeviceParameterException("writePulse", "must be > 0, got " + p.text("writePulse"));
        }
        return t;
    }

    private static int pulses(DeviceParameters p) {
        int n = p.integer("writePulses");
        if (n < 1) {
            throw new DeviceParameterException("writePulses", "must be >= 1, got " + n);
        }
        return n;
    }

    /** Energy to program one cell to {@code gTargetS}, joules. */
    public double energyJ(double gTargetS) {
        double pulseJ = ohmic ? writeVoltageV * writeVoltageV * gTargetS * writePulseS : writeEnergyJ;
        double verifyJ = readVoltageV * readVoltageV * gTargetS * readPulseS;
        return pulses * (pulseJ + verifyJ);
    }

    /** Time to program one cell, seconds. */
    public double latencyS() {
        return pulses * (writePulseS + readPulseS);
    }

    /** Where the figures come from, one clause. */
    public String source() {
        return source;
    }
}
