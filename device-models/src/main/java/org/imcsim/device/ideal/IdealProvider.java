package org.imcsim.device.ideal;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.device.api.CellParameters;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceParameterException;
import org.imcsim.device.api.DeviceParameters;
import org.imcsim.device.api.ParameterSpec;
import org.imcsim.device.api.WriteCost;
import org.imcsim.device.rram.RramProvider;

/** Provider of the {@code ideal} device. */
public final class IdealProvider implements DeviceModelProvider {

    @Override
    public String name() {
        return "ideal";
    }

    @Override
    public String description() {
        return "exact levels, no noise, no stuck cells, no drift (the reference for exactness tests); costs as rram";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> s = new ArrayList<>(CellParameters.specs(RramProvider.DEFAULTS));
        s.addAll(WriteCost.ohmicSpecs(RramProvider.WRITE_VOLTAGE, RramProvider.WRITE_VOLTAGE_SOURCE,
                RramProvider.WRITE_PULSE, RramProvider.WRITE_PULSE_SOURCE));
        return s;
    }

    @Override
    public DeviceModel create(DeviceParameters parameters) {
        CellParameters cell = CellParameters.parse(parameters, RramProvider.DEFAULTS);
        if (cell.stuckAtLrs() > 0 || cell.stuckAtHrs() > 0) {
            throw new DeviceParameterException(cell.stuckAtLrs() > 0 ? "stuckAtLrs" : "stuckAtHrs",
                    "the ideal device has no stuck cells; use the rram or pcm model for stuck cells");
        }
        return new IdealDevice(cell, WriteCost.parseOhmic(parameters, cell, RramProvider.WRITE_SOURCE));
    }
}
