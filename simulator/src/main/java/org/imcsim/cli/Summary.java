package org.imcsim.cli;

import java.util.Map;
import org.imcsim.config.AdcConfig;
import org.imcsim.config.Config;
import org.imcsim.config.MappingConfig;
import org.imcsim.config.QuantityText;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/** A few lines describing a config, for {@code validate} and {@code run}. */
final class Summary {
    private Summary() {
    }

    static String of(Config c) {
        StringBuilder sb = new StringBuilder();
        line(sb, "technology", c.technology().nodeNm() + "nm, " + c.technology().costProfile().configName() + " cost models");
        StringBuilder dev = new StringBuilder(c.device().model());
        if (c.device().profile() != null) {
            dev.append(" (profile ").append(c.device().profile()).append(')');
        }
        String sep = ": ";
        for (Map.Entry<String, String> e : c.device().parameters().entrySet()) {
            dev.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        line(sb, "device", dev.toString());
        line(sb, "crossbar", c.crossbar().rows() + " x " + c.crossbar().cols() + " " + c.crossbar().cellType().configName()
                + (c.crossbar().irDrop().configName().equals("none") ? "" : ", IR drop " + c.crossbar().irDrop().configName()));
        AdcConfig adc = c.periphery().adc();
        line(sb, "periphery", c.periphery().dacBits() + "-bit DAC; " + adc.model().configName() + " ADC " + adc.bits() + " bits, "
                + adc.colsPerAdc() + " columns per ADC, " + adc.range().configName() + " range");
        MappingConfig m = c.mapping();
        line(sb, "mapping", m.weightBits() + "-bit weights (" + m.signed().configName()
                + (m.signed() == MappingConfig.SignedScheme.DIFFERENTIAL ? ", " + m.subtraction().configName() + " subtraction" : "")
                + ", " + m.scale().configName() + " scale), " + m.inputBits() + "-bit inputs");
        line(sb, "chip", Quantity.format(c.chip().clockHz(), Dimension.FREQUENCY) + ", "
                + (c.chip().pipeline() ? "pipelined" : "layer by layer") + ", " + c.chip().interconnect().configName() + ", "
                + c.chip().buffer().configName() + " buffers"
                + (c.chip().tiles() == null ? "" : ", " + c.chip().tiles() + " tiles"));
        line(sb, "workload", c.workload().network() + (c.workload().dataset() == null
                ? " (no dataset: hardware only)" : " on " + c.workload().dataset()));
        line(sb, "simulation", "seed " + c.simulation().seed() + ", " + c.simulation().images() + " images x "
                + c.simulation().chips() + " chips, inference at " + QuantityText.format(c.simulation().inferenceTimeS(), Dimension.TIME));
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format("  %-11s %s%n", key, value));
    }
}
