package org.imcsim.run;

import org.imcsim.config.Config;
import org.imcsim.cost.Technology;
import org.imcsim.device.api.DeviceModel;

/** Values the config leaves to the technology, derived in one place. */
public final class Defaults {

    private Defaults() {
    }

    /**
     * Wire resistance of one cell segment when {@code crossbar.wireResistance} is absent: the
     * node's minimum-width wire resistance per metre (NeuroSim's wire table, see
     * docs/cost-models.md) times the cell pitch, taken as the geometric mean of the cell's height
     * and width (the solver uses one segment resistance for rows and columns).
     */
    public static double wireOhmPerCell(Config c, DeviceModel device) {
        Technology tech = Technology.of(c.technology().nodeNm());
        double pitchM = Math.sqrt(device.cellHeightF() * device.cellWidthF()) * tech.memoryFeatureSizeM();
        return tech.wireResistanceOhmPerM() * pitchM;
    }
}
