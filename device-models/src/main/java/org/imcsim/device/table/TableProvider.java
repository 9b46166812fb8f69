package org.imcsim.device.table;

import java.nio.file.Path;
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
import org.imcsim.units.Dimension;

/** Provider of the {@code table} device: levels and their statistics from a CSV of measurements. */
public final class TableProvider implements DeviceModelProvider {

    @Override
    public String name() {
        return "table";
    }

    @Override
    public String description() {
        return "measured device from a CSV (per level: target, mean, sigma; optional drift and read-noise columns)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> s = new ArrayList<>();
        s.add(ParameterSpec.text("file", null,
                "CSV of measured levels: header level,targetUs,meanUs,stdUs[,driftNuMean,driftNuStd][,readStdUs]; "
                        + "2^cellBits evenly spaced levels; relative paths resolve against the working directory"));
        s.add(ParameterSpec.quantity("driftT0", Dimension.TIME, null,
                "drift reference time t0 in G(t) = G_p ((t + t0)/t0)^-nu; required when the CSV has drift columns"));
        s.add(ParameterSpec.bool("driftCompensation", "false", "apply global drift compensation (one scale per array)"));
        s.addAll(CellParameters.cellSpecs(RramProvider.DEFAULTS));
        s.addAll(WriteCost.ohmicSpecs(RramProvider.WRITE_VOLTAGE, RramProvider.WRITE_VOLTAGE_SOURCE,
                RramProvider.WRITE_PULSE, RramProvider.WRITE_PULSE_SOURCE));
        return s;
    }

    @Override
    public DeviceModel create(DeviceParameters p) {
        Path file = Path.of(p.text("file"));
        LevelTable table = LevelTable.read(file);
        int l = table.targetS.length;
        CellParameters cell = CellParameters.parseCell(p, RramProvider.DEFAULTS, table.cellBits, table.targetS[0], table.targetS[l - 1]);
        double t0 = 0;
        if (table.nuMean != null) {
            if (!p.hasValue("driftT0")) {
                throw new DeviceParameterException("driftT0", "is required because " + file + " has drift columns");
            }
            t0 = p.si("driftT0");
            if (!(t0 > 0)) {
                throw new DeviceParameterException("driftT0", "must be > 0, got " + p.text("driftT0"));
            }
        } else if (p.isSet("driftT0")) {
            throw new DeviceParameterException("driftT0", "has no effect: " + file + " has no drift columns (driftNuMean, driftNuStd)");
        }
        return new TableDevice(cell, file, table, t0, p.bool("driftCompensation"),
                WriteCost.parseOhmic(p, cell, RramProvider.WRITE_SOURCE));
    }
}
