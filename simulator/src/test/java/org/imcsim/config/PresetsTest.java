package org.imcsim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.imcsim.config.AdcConfig.AdcModel;
import org.imcsim.config.AdcConfig.AdcRange;
import org.imcsim.config.MappingConfig.SignedScheme;
import org.imcsim.config.MappingConfig.Subtraction;
import org.imcsim.device.api.DeviceModels;
import org.junit.jupiter.api.Test;

class PresetsTest {

    /** Binds a preset's sections without building the device model (the real providers may live in another module). */
    static Config structure(String name) {
        ConfigDocument d = ConfigDocument.preset(name);
        return new ConfigBinder(d::sourceOf).bind(Config.class, d.tree(), "");
    }

    @Test
    void indexListsExactlyThePresetFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/presets"))) {
            TreeSet<String> onDisk = new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).toList());
            assertEquals(onDisk, new TreeSet<>(Presets.names()));
        }
        assertEquals(List.of("default", "neurosim", "isaac"), Presets.names());
    }

    @Test
    void everyPresetBindsAndHasADescription() {
        for (String name : Presets.names()) {
            Config c = structure(name);
            assertFalse(Presets.description(name).isBlank(), name);
            assertEquals(c.description(), Presets.description(name));
        }
    }

    /** Needs the preset's device model on the class path (the built-in providers); skipped where they are absent. */
    @Test
    void everyPresetValidatesWithItsDeviceModel() {
        DeviceModels models = DeviceModels.discover();
        for (String name : Presets.names()) {
            String model = structure(name).device().model();
            assumeTrue(models.names().contains(model), "device model " + model + " not on this class path");
            ConfigDocument.preset(name).bind(models);
        }
    }

    @Test
    void defaultPresetIsTheEmbeddedDefaultRun() {
        Config c = structure(Presets.DEFAULT);
        assertEquals("traces/models/fmnist_lenet.onnx", c.workload().network());
        assertEquals("fashion-mnist", c.workload().dataset());
        assertEquals("rram", c.device().model());
        assertEquals("2", c.device().parameters().get("cellBits"));
        assertEquals("0.03", c.device().parameters().get("programmingSigma"));
        assertEquals(128, c.crossbar().rows());
        assertEquals(128, c.crossbar().cols());
        assertEquals(8, c.mapping().weightBits());
        assertEquals(8, c.mapping().inputBits());
        assertEquals(1, c.periphery().dacBits());
        assertEquals(SignedScheme.DIFFERENTIAL, c.mapping().signed());
        assertEquals(Subtraction.DIGITAL, c.mapping().subtraction());
        assertEquals(5, c.periphery().adc().bits());
        assertEquals(AdcRange.CALIBRATED, c.periphery().adc().range());
        assertEquals(8, c.periphery().adc().colsPerAdc());
        assertEquals(22, c.technology().nodeNm());
        assertEquals(1e9, c.chip().clockHz());
    }

    @Test
    void neurosimPresetFollowsTheReference() {
        Config c = structure("neurosim");
        assertEquals(22, c.technology().nodeNm());
        assertEquals(Map.of("cellBits", "1", "ron", "100kOhm", "onOffRatio", "17", "readVoltage", "0.55V"), c.device().parameters());
        assertEquals("neurosim", c.device().profile());
        assertEquals(128, c.crossbar().rows());
        assertEquals(AdcModel.MLSA, c.periphery().adc().model());
        assertEquals(5, c.periphery().adc().bits());
        assertEquals(8, c.periphery().adc().colsPerAdc());
        assertEquals(SignedScheme.OFFSET, c.mapping().signed());
        assertEquals(ChipConfig.Interconnect.XY_BUS, c.chip().interconnect());
        assertTrue(c.chip().pipeline());
        assertFalse(c.workload().zeroPadding());
        assertNull(c.workload().dataset());
        assertEquals("vgg8?weights=neurosim", c.workload().network());
        assertTrue(c.chip().novelMapping());
        assertEquals(ChipConfig.Dataflow.NEUROSIM_SERIAL, c.chip().dataflow());
    }

    @Test
    void unknownPresetSuggestsTheClosest() {
        assertEquals("--preset: unknown preset \"defualt\" (did you mean \"default\"?); known: default, neurosim, isaac",
                assertThrows(BadInputException.class, () -> ConfigDocument.preset("defualt")).getMessage());
    }
}
