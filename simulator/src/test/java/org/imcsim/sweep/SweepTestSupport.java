package org.imcsim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imcsim.config.ConfigDocument;
import org.imcsim.device.api.DeviceModels;

/** Shared fixtures: a small base config and helpers. */
final class SweepTestSupport {
    static final DeviceModels MODELS = DeviceModels.discover();

    static final String BASE = String.join("\n",
            "technology:", "  node: 22nm",
            "device:", "  model: rram", "  cellBits: 2",
            "crossbar:", "  rows: 128", "  cols: 128",
            "periphery:", "  adc:", "    bits: 5", "    colsPerAdc: 8",
            "workload:", "  network: lenet5",
            "simulation:", "  seed: 3", "  images: 10", "  chips: 2", "");

    private SweepTestSupport() {
    }

    static ConfigDocument base() {
        return ConfigDocument.parse(BASE, "base.yaml", false, Path.of("").toAbsolutePath());
    }

    static SweepPlan plan(String specText) {
        return SweepPlan.expand(SweepSpec.parse(specText, "sweep.yaml"), base(), MODELS);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
