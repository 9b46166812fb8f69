package org.imcsim.device.rram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imcsim.device.api.CellParameters;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceParameterException;
import org.imcsim.device.api.DeviceParameters;
import org.imcsim.device.api.ParameterSpec;
import org.imcsim.device.api.ProgrammingNoise;
import org.imcsim.device.api.WriteCost;
import org.imcsim.units.Dimension;

/**
 * Provider of the {@code rram} device, with the profiles {@code neurosim} (NeuroSim V1.4's RRAM
 * baseline) and {@code neurram-2022} (the σ(G) fits to Wan et al., Nature 608, 504 (2022)).
 */
public final class RramProvider implements DeviceModelProvider {

    /** Source of the electrical defaults. */
    public static final String NEUROSIM = "NeuroSim V1.4 Param.cpp (RRAM 1T1R baseline at 22 nm)";

    /**
     * Shared defaults (also used by {@code ideal}): Ron 100 kOhm, on/off 17, read 0.55 V for 10 ns,
     * 1T1R cell 4F x 12F, 1 bit per cell, as NeuroSim V1.4's defaults at 22 nm.
     */
    public static final CellParameters.Defaults DEFAULTS = new CellParameters.Defaults(
            "1", "100kOhm", "17", null, null, NEUROSIM, "0.55V", "10ns", NEUROSIM, "1T1R", NEUROSIM);

    /** NeuroSim V1.4 {@code writeVoltage = 2} (V). */
    public static final String WRITE_VOLTAGE = "2V";
    public static final String WRITE_VOLTAGE_SOURCE = "NeuroSim V1.4 Param.cpp writeVoltage";
    /** RRAM write time 10 ns: Yang, Strukov, Stewart, Nat. Nanotechnol. 8, 13 (2013), Table 1 (ITRS 2011). */
    public static final String WRITE_PULSE = "10ns";
    public static final String WRITE_PULSE_SOURCE = "Yang et al., Nat. Nanotechnol. 8, 13 (2013) Table 1, RRAM write time";
    public static final String WRITE_SOURCE = "NeuroSim V1.4 writeVoltage; Yang et al. 2013 Table 1 write time";

    /**
     * NeuRRAM σ(G) fits in µS, ascending powers of G/gMax, at gMax = 40 µS: the 4th-order polynomial
     * fits of aihwkit's {@code ReRamWan2022NoiseModel} to the conductance spread published by Wan et
     * al., Nature 608, 504 (2022), Extended Data Fig. 3, at 1 s, 1 day and 2 days after programming.
     */
    public static final double[] NEURRAM_SIGMA_1S_US = {0.348, 16.030, -43.853, 45.393, -16.815};
    public static final double[] NEURRAM_SIGMA_1D_US = {0.701, 22.086, -50.773, 47.095, -16.458};
    public static final double[] NEURRAM_SIGMA_2D_US = {0.782, 20.274, -43.507, 37.062, -11.934};
    /** gMax at which the NeuRRAM fits were made: 40 µS. */
    public static final double NEURRAM_REFERENCE_S = 40e-6;
    /** One day, seconds (the time of the second NeuRRAM fit). */
    public static final double NEURRAM_DAY_S = 86400.0;

    @Override
    public String name() {
        return "rram";
    }

    @Override
    public String description() {
        return "multi-level RRAM: relative or NeuRRAM-2022 polynomial programming sigma, stuck cells, log-time relaxation, read noise";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> s = new ArrayList<>(CellParameters.specs(DEFAULTS));
        s.addAll(ProgrammingNoise.specs("constant", "0", null, null, null));
        s.add(ParameterSpec.choice("relaxation", "none",
                "conductance relaxation after programming: none, log (relaxationMean/relaxationSigma per decade of t/relaxationT0) "
                        + "or neurram-2022 (spread grown to the NeuRRAM 1-day fit)", List.of("none", "log", "neurram-2022")));
        s.add(ParameterSpec.number("relaxationMean", "0",
                "mean relaxation slope per decade of time, as a fraction of the target G (signed; negative decays)"));
        s.add(ParameterSpec.number("relaxationSigma", "0",
                "spread of the relaxation slope per decade of time, as a fraction of (gMax - gMin), >= 0 (relaxation=log)"));
        s.add(ParameterSpec.quantity("relaxationT0", Dimension.TIME, "1s",
                "time constant of the log-time relaxation log10(1 + t/relaxationT0); 1 s is the first NeuRRAM fit time"));
        s.add(ParameterSpec.choice("readNoise", "constant",
                "form of the read-noise sigma: constant (readNoiseSigma x (gMax-gMin)) or proportional (readNoiseSigma x G(t))",
                List.of("constant", "proportional")));
        s.add(ParameterSpec.number("readNoiseSigma", "0", "relative read-noise sigma of one read, >= 0"));
        s.add(ParameterSpec.bool("driftCompensation", "false", "apply global drift compensation (one scale per array) to relaxation"));
        s.addAll(WriteCost.ohmicSpecs(WRITE_VOLTAGE, WRITE_VOLTAGE_SOURCE, WRITE_PULSE, WRITE_PULSE_SOURCE));
        return s;
    }

    @Override
    public Map<String, Map<String, String>> profiles() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        Map<String, String> neurosim = new LinkedHashMap<>();
        neurosim.put("cellBits", "1");
        neurosim.put("ron", "100kOhm");
        neurosim.put("onOffRatio", "17");
        neurosim.put("readVoltage", "0.55V");
        neurosim.put("readPulse", "10ns");
        neurosim.put("cellType", "1T1R");
        neurosim.put("cellHeightF", "4");
        neurosim.put("cellWidthF", "12");
        neurosim.put("writeVoltage", "2V");
        m.put("neurosim", Map.copyOf(neurosim));
        Map<String, String> neurram = new LinkedHashMap<>();
        neurram.put("gMax", "40uS");
        neurram.put("gMin", "0uS");
        neurram.put("programmingNoise", "polynomial");
        neurram.put("programmingPolynomial", "0.348,16.030,-43.853,45.393,-16.815");
        neurram.put("polynomialReference", "40uS");
        neurram.put("relaxation", "neurram-2022");
        neurram.put("readNoise", "constant");
        neurram.put("readNoiseSigma", "0.01");
        m.put("neurram-2022", Map.copyOf(neurram));
        return m;
    }

    @Override
    public DeviceModel create(DeviceParameters p) {
        CellParameters cell = CellParameters.parse(p, DEFAULTS);
        ProgrammingNoise noise = ProgrammingNoise.parse(p, cell.gMinS(), cell.gMaxS());
        String relax = p.choice("relaxation");
        RramDevice.Relaxation relaxation = switch (relax) {
            case "log" -> RramDevice.Relaxation.LOG;
            case "neurram-2022" -> RramDevice.Relaxation.NEURRAM_2022;
            default -> RramDevice.Relaxation.NONE;
        };
        double mean = p.number("relaxationMean");
        double sigma = CellParameters.nonNegative(p, "relaxationSigma");
        double t0 = p.si("relaxationT0");
        if (!(t0 > 0)) {
            throw new DeviceParameterException("relaxationT0", "must be > 0, got " + p.text("relaxationT0"));
        }
        if (relaxation == RramDevice.Relaxation.NONE) {
            for (String k : List.of("relaxationMean", "relaxationSigma", "relaxationT0")) {
                if (p.isSet(k)) {
                    throw new DeviceParameterException(k, "has no effect with relaxation=none; set relaxation=log or neurram-2022");
                }
            }
        }
        if (relaxation == RramDevice.Relaxation.NEURRAM_2022 && p.isSet("relaxationSigma")) {
            throw new DeviceParameterException("relaxationSigma",
                    "has no effect with relaxation=neurram-2022 (the spread comes from the NeuRRAM fits); use relaxation=log");
        }
        boolean proportional = p.choice("readNoise").equals("proportional");
        double readSigma = CellParameters.nonNegative(p, "readNoiseSigma");
        WriteCost write = WriteCost.parseOhmic(p, cell, WRITE_SOURCE);
        return new RramDevice(cell, noise, relaxation, mean, sigma, t0, proportional, readSigma, write,
                p.bool("driftCompensation"));
    }

    /** Lower-case label of a relaxation mode. */
    static String label(RramDevice.Relaxation r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
