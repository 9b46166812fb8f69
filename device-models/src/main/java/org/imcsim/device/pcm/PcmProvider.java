package org.imcsim.device.pcm;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.device.api.CellParameters;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceParameterException;
import org.imcsim.device.api.DeviceParameters;
import org.imcsim.device.api.ParameterSpec;
import org.imcsim.device.api.ProgrammingNoise;
import org.imcsim.device.api.WriteCost;
import org.imcsim.units.Dimension;

/** Provider of the {@code pcm} device (IBM statistical PCM model; defaults as aihwkit's PCMLikeNoiseModel). */
public final class PcmProvider implements DeviceModelProvider {
    static final String AIHWKIT = "aihwkit PCMLikeNoiseModel (Nandakumar et al., ICECS 2019)";

    static final CellParameters.Defaults DEFAULTS = new CellParameters.Defaults(
            "1", null, null, "25uS", "0uS", AIHWKIT + ": g_max 25 uS, g_min 0",
            "0.2V", "250ns", "0.2 V: typical low-field PCM read (not part of the IBM model); 250 ns: aihwkit t_read",
            "1T1R", "1T1R access as in IBM's PCM arrays");

    /** PCM write energy 2 pJ and write time 50 ns: lower ends of Yang et al. 2013 Table 1 (ITRS 2011: 2-25 pJ, 50-500 ns). */
    static final String WRITE_SOURCE = "Yang et al., Nat. Nanotechnol. 8, 13 (2013) Table 1, PCM, lower end of 2-25 pJ and 50-500 ns";

    @Override
    public String name() {
        return "pcm";
    }

    @Override
    public String description() {
        return "IBM statistical PCM model (aihwkit): polynomial programming noise, power-law drift, 1/f read noise, drift compensation";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> s = new ArrayList<>(CellParameters.specs(DEFAULTS));
        s.addAll(ProgrammingNoise.specs("polynomial", null, "0.26348,1.9650,-1.1731", "25uS", AIHWKIT));
        s.add(ParameterSpec.quantity("driftT0", Dimension.TIME, "20s",
                "drift reference time t0 in G(t) = G_p ((t + t0)/t0)^-nu (" + AIHWKIT + ")"));
        s.add(ParameterSpec.number("driftScale", "1", "multiplier on the drift exponent nu, >= 0; 0 turns drift off (aihwkit drift_scale)"));
        s.add(ParameterSpec.number("readNoiseScale", "1",
                "multiplier on the 1/f read-noise sigma, >= 0; 0 turns read noise off (aihwkit read_noise_scale)"));
        s.add(ParameterSpec.bool("driftCompensation", "true",
                "apply global drift compensation: one digital scale per array from a reference readout (aihwkit GlobalDriftCompensation)"));
        s.addAll(WriteCost.fixedSpecs("2pJ", "50ns", WRITE_SOURCE));
        return s;
    }

    @Override
    public DeviceModel create(DeviceParameters p) {
        CellParameters cell = CellParameters.parse(p, DEFAULTS);
        ProgrammingNoise noise = ProgrammingNoise.parse(p, cell.gMinS(), cell.gMaxS());
        double t0 = p.si("driftT0");
        if (!(t0 > 0)) {
            throw new DeviceParameterException("driftT0", "must be > 0, got " + p.text("driftT0"));
        }
        double driftScale = CellParameters.nonNegative(p, "driftScale");
        double readScale = CellParameters.nonNegative(p, "readNoiseScale");
        WriteCost write = WriteCost.parseFixed(p, cell, WRITE_SOURCE);
        return new PcmDevice(cell, noise, driftScale, t0, readScale, p.bool("driftCompensation"), write);
    }
}
