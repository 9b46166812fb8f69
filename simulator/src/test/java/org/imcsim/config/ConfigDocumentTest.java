package org.imcsim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imcsim.config.AdcConfig.AdcModel;
import org.imcsim.config.AdcConfig.AdcRange;
import org.imcsim.config.ChipConfig.Interconnect;
import org.imcsim.config.CrossbarConfig.CellType;
import org.imcsim.config.MappingConfig.SignedScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDocumentTest {
    static final String MINIMAL = "device:\n  model: rram\nworkload:\n  network: lenet5\n";

    static ConfigDocument yaml(String text) {
        return ConfigDocument.parse(text, "t.yaml", false, Path.of("."));
    }

    static String error(String text) {
        return assertThrows(BadInputException.class, () -> yaml(text).bind()).getMessage();
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/configs", name);
    }

    @Test
    void bindsAFileWithUnitsAndDefaults() {
        Config c = ConfigDocument.read(resource("good.yaml")).bind();
        assertEquals(22, c.technology().nodeNm());
        assertEquals(2.2e-8, c.technology().nodeM(), 1e-20);
        assertEquals(1.5e9, c.chip().clockHz());
        assertEquals(667, c.chip().clockPeriodPs());
        assertEquals(3600.0, c.simulation().inferenceTimeS());
        assertEquals(128, c.crossbar().rows());
        assertEquals(64, c.crossbar().cols());
        assertEquals(CellType.ONE_T_ONE_R, c.crossbar().cellType());
        assertNull(c.crossbar().wireResistanceOhm());
        assertEquals(AdcModel.SAR, c.periphery().adc().model());
        assertEquals(6, c.periphery().adc().bits());
        assertEquals(4, c.periphery().adc().colsPerAdc());
        assertEquals(AdcRange.FULL, c.periphery().adc().range());
        assertEquals(SignedScheme.DIFFERENTIAL, c.mapping().signed());
        assertEquals(Interconnect.XY_BUS, c.chip().interconnect());
        assertTrue(c.chip().pipeline());
        assertNull(c.chip().tiles());
        assertEquals("lenet5", c.workload().network());
        assertNull(c.workload().dataset());
        assertEquals(7, c.simulation().seed());
        assertEquals(Map.of("cellBits", "2", "ron", "100kOhm"), c.device().parameters());
        assertEquals("rram", c.device().model());
        assertEquals("rram", c.device().createModel().name());
    }

    @Test
    void jsonGivesTheSameConfigAsYaml(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("c.json");
        Files.writeString(json, "{\"device\": {\"model\": \"rram\", \"cellBits\": 2, \"ron\": \"100kOhm\"},"
                + " \"workload\": {\"network\": \"lenet5\"}, \"chip\": {\"clock\": \"1.5GHz\"}}");
        Config fromJson = ConfigDocument.read(json).bind();
        Config fromYaml = yaml("device: {model: rram, cellBits: 2, ron: 100kOhm}\nworkload: {network: lenet5}\nchip: {clock: 1.5GHz}\n").bind();
        assertEquals(fromYaml, fromJson);
        assertEquals(dir.toAbsolutePath(), ConfigDocument.read(json).baseDirectory());
    }

    @Test
    void unknownKeysNameFileLinePathAndSuggestion() {
        assertEquals("t.yaml:6: crossbar.rowz: unknown key (did you mean \"rows\"?); known keys of crossbar: "
                        + "rows, cols, cellType, wireResistance, sourceResistance, sinkResistance, irDrop",
                error(MINIMAL + "crossbar:\n  rowz: 64\n"));
        String m = error(MINIMAL + "crosbar:\n  rows: 64\n");
        assertTrue(m.startsWith("t.yaml:5: crosbar: unknown key (did you mean \"crossbar\"?)"), m);
        m = error(MINIMAL + "periphery:\n  adc:\n    bitz: 3\n");
        assertTrue(m.startsWith("t.yaml:7: periphery.adc.bitz: unknown key (did you mean \"bits\"?)"), m);
        m = error(MINIMAL + "periphery:\n  adc:\n    zzzzzz: 3\n");
        assertTrue(m.startsWith("t.yaml:7: periphery.adc.zzzzzz: unknown key; known keys of periphery.adc: model, bits"), m);
    }

    @Test
    void quantitiesNeedTheRightUnit() {
        assertEquals("t.yaml:6: chip.clock: expected a frequency like \"1GHz\", got \"1\" (the unit is missing)",
                error(MINIMAL + "chip:\n  clock: 1\n"));
        assertEquals("t.yaml:6: chip.clock: expected a frequency like \"1GHz\", got \"1ns\" (unknown unit \"ns\")",
                error(MINIMAL + "chip:\n  clock: 1ns\n"));
        assertEquals("t.yaml:6: simulation.inferenceTime: expected a time like \"10ns\", got \"soon\"",
                error(MINIMAL + "simulation:\n  inferenceTime: soon\n"));
        assertEquals(25e-6 * 1e3, yaml(MINIMAL + "crossbar:\n  wireResistance: 25mOhm\n").bind().crossbar().wireResistanceOhm(), 1e-15);
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals("t.yaml:6: crossbar.rows: expected an integer, got \"many\"", error(MINIMAL + "crossbar:\n  rows: many\n"));
        assertEquals("t.yaml:6: crossbar.rows: expected an integer, got 1.5", error(MINIMAL + "crossbar:\n  rows: 1.5\n"));
        assertEquals("t.yaml:6: chip.pipeline: expected true or false, got \"maybe\"", error(MINIMAL + "chip:\n  pipeline: maybe\n"));
        assertEquals("t.yaml:6: crossbar.rows: has no value; expected an integer", error(MINIMAL + "crossbar:\n  rows:\n"));
        assertEquals("t.yaml:5: crossbar: expected a section (a mapping of keys), got 5", error(MINIMAL + "crossbar: 5\n"));
        assertEquals("t.yaml:6: crossbar.rows: expected an integer, got a list", error(MINIMAL + "crossbar:\n  rows: [1, 2]\n"));
        assertEquals("t.yaml:6: periphery.adc: expected a section (a mapping of keys), got \"sar\"",
                error(MINIMAL + "periphery:\n  adc: sar\n"));
    }

    @Test
    void choicesListTheAllowedValues() {
        assertEquals("t.yaml:6: chip.interconnect: expected one of xy-bus, htree, mesh, got \"xybus\" (did you mean \"xy-bus\"?)",
                error(MINIMAL + "chip:\n  interconnect: xybus\n"));
        assertEquals("t.yaml:7: periphery.adc.model: expected one of mlsa, flash, sar, got \"MLSA\" (did you mean \"mlsa\"?)",
                error(MINIMAL + "periphery:\n  adc:\n    model: MLSA\n"));
        assertEquals(CellType.ZERO_T_ONE_R, yaml(MINIMAL + "crossbar:\n  cellType: 0T1R\n").bind().crossbar().cellType());
    }

    @Test
    void outOfRangeValuesAreRejectedByTheRecords() {
        assertEquals("t.yaml:6: crossbar.rows: must be between 1 and 16384, got 0", error(MINIMAL + "crossbar:\n  rows: 0\n"));
        assertEquals("t.yaml:7: periphery.adc.bits: must be between 1 and 16, got 0", error(MINIMAL + "periphery:\n  adc:\n    bits: 0\n"));
        assertEquals("t.yaml:7: periphery.adc.bits: must be between 1 and 16, got 17", error(MINIMAL + "periphery:\n  adc:\n    bits: 17\n"));
        assertEquals("t.yaml:6: periphery.dacBits: must be between 1 and 8, got 0", error(MINIMAL + "periphery:\n  dacBits: 0\n"));
        assertEquals("t.yaml:6: chip.clock: must be > 0Hz, got 0Hz", error(MINIMAL + "chip:\n  clock: 0GHz\n"));
        assertEquals("t.yaml:6: technology.node: must be one of 130nm, 90nm, 65nm, 45nm, 32nm, 22nm, got 28nm",
                error(MINIMAL + "technology:\n  node: 28nm\n"));
        assertEquals(130, yaml(MINIMAL + "technology:\n  node: 0.13um\n").bind().technology().nodeNm());
        assertEquals("t.yaml:6: simulation.images: must be at least 1, got 0", error(MINIMAL + "simulation:\n  images: 0\n"));
        assertEquals("t.yaml:5: workload.sparsity: must be >= 0 and < 1, got 1", error(MINIMAL.replace("lenet5\n", "lenet5\n  sparsity: 1\n")));
    }

    @Test
    void constraintsAcrossSectionsNameTheDependentKey() {
        assertEquals("t.yaml:9: periphery.adc.colsPerAdc: must divide crossbar.cols (128), got 3",
                error(MINIMAL + "crossbar:\n  cols: 128\nperiphery:\n  adc:\n    colsPerAdc: 3\n"));
        assertEquals("t.yaml:6: periphery.dacBits: must not exceed mapping.inputBits (2), got 4",
                error(MINIMAL + "periphery:\n  dacBits: 4\nmapping:\n  inputBits: 2\n"));
        assertEquals("t.yaml:7: mapping.subtraction: analog subtraction needs signed: differential, but signed is offset",
                error(MINIMAL + "mapping:\n  signed: offset\n  subtraction: analog\n"));
    }

    @Test
    void requiredKeysAreNamed() {
        assertEquals("t.yaml: workload.network: is required (zoo network name (mlp-fmnist, lenet5, vgg8, ...) or an ONNX file path)",
                error("device:\n  model: rram\n"));
        assertTrue(error("workload:\n  network: x\n").startsWith("t.yaml: device.model: is required"));
        assertTrue(error("workload:\n  network: x\ndevice:\n  cellBits: 2\n").startsWith("t.yaml:3: device.model: is required"));
    }

    @Test
    void malformedYamlAndJsonGiveOneLineWithLineAndColumn(@TempDir Path dir) throws IOException {
        String m = error("crossbar:\n  rows: [1, 2\nchip: {}\n");
        assertTrue(m.matches("t\\.yaml:\\d+:\\d+: malformed YAML: [^\\n]+"), m);
        assertTrue(error("crossbar:\n\trows: 1\n").startsWith("t.yaml:2:1: malformed YAML: "), "the problem's line, not the context's");
        m = error("crossbar:\n  rows: 1\n   cols: 2\n");
        assertTrue(m.matches("t\\.yaml:3:\\d+: malformed YAML: [^\\n]+"), m);
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"crossbar\": {\"rows\": 64,}}");
        m = assertThrows(BadInputException.class, () -> ConfigDocument.read(json).bind()).getMessage();
        assertTrue(m.matches(".*bad\\.json:1:\\d+: malformed JSON: [^\\n]+"), m);
        assertFalse(m.contains("Source"), m);
    }

    @Test
    void structuralProblems() {
        assertEquals("t.yaml: is empty; expected a mapping of config sections (technology, device, ...)", error(""));
        assertEquals("t.yaml:1: expected a mapping of config sections (technology, device, ...), got a list", error("- 1\n- 2\n"));
        assertEquals("t.yaml:7: crossbar.rows: duplicate key (first given at t.yaml:6)", error(MINIMAL + "crossbar:\n  rows: 1\n  rows: 2\n"));
        String m = error(MINIMAL + "---\nchip: {}\n");
        assertTrue(m.contains("only one YAML document"), m);
    }

    @Test
    void missingAndUnreadableFiles(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(missing + ": no such file", assertThrows(BadInputException.class, () -> ConfigDocument.read(missing)).getMessage());
        assertEquals(dir + ": is a directory; expected a YAML or JSON config file",
                assertThrows(BadInputException.class, () -> ConfigDocument.read(dir)).getMessage());
        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(binary + ": is not UTF-8 text; expected a YAML or JSON config file",
                assertThrows(BadInputException.class, () -> ConfigDocument.read(binary)).getMessage());
    }

    @Test
    void deviceErrorsComeFromTheProviderWithFileAndKey() {
        assertEquals("t.yaml:2: device.model: unknown device model \"rramm\"; known: ideal, pcm, rram, table (did you mean \"rram\"?)",
                error("device:\n  model: rramm\nworkload:\n  network: x\n"));
        assertEquals("t.yaml:3: device.onOffRatio: must be > 1 (Roff above Ron), got 0.5",
                error("device:\n  model: rram\n  onOffRatio: 0.5\nworkload:\n  network: x\n"));
        String m = error("device:\n  model: rram\n  ronn: 1kOhm\nworkload:\n  network: x\n");
        assertTrue(m.startsWith("t.yaml:3: device.ronn: unknown parameter; known: cellBits, cellHeightF, cellType,"), m);
        assertTrue(m.endsWith("(did you mean \"ron\"?)"), m);
        assertEquals("t.yaml:3: device.ron: expected a resistance like \"100kOhm\", got \"100\" (the unit is missing)",
                error("device:\n  model: rram\n  ron: 100\nworkload:\n  network: x\n"));
        m = error("device:\n  model: rram\n  profile: neurosimm\nworkload:\n  network: x\n");
        assertTrue(m.startsWith("t.yaml:3: device.profile: unknown profile \"neurosimm\""), m);
        assertTrue(m.endsWith("(did you mean \"neurosim\"?)"), m);
        assertEquals("t.yaml:3: device.ron: expected a single value (text, number or true/false), got a list",
                error("device:\n  model: rram\n  ron: [1, 2]\nworkload:\n  network: x\n"));
    }

    @Test
    void deviceProfileAndResolvedParameters() {
        Config c = yaml("device:\n  model: rram\n  profile: neurosim\n  cellBits: 3\nworkload:\n  network: x\n").bind();
        Map<String, String> resolved = c.device().resolvedParameters(org.imcsim.device.api.DeviceModels.discover());
        assertEquals("3", resolved.get("cellBits"));       // given beats profile (neurosim: 1)
        assertEquals("12", resolved.get("cellWidthF"));    // profile beats default (none)
        assertEquals("0", resolved.get("programmingSigma")); // default
        assertEquals(3, c.device().createModel().cellBits());
    }

    @Test
    void setOverridesAreValidatedLikeFileValues() {
        ConfigDocument base = yaml(MINIMAL);
        Config c = base.with("crossbar.rows=64", "--set").with("chip.clock=500MHz", "--set")
                .with("periphery.adc={bits: 7, model: flash}", "--set").with("device.cellBits=3", "--set").bind();
        assertEquals(64, c.crossbar().rows());
        assertEquals(5e8, c.chip().clockHz());
        assertEquals(7, c.periphery().adc().bits());
        assertEquals(AdcModel.FLASH, c.periphery().adc().model());
        assertEquals("3", c.device().parameters().get("cellBits"));
        assertEquals(List.of("crossbar.rows=64", "chip.clock=500MHz", "periphery.adc={bits: 7, model: flash}", "device.cellBits=3"),
                base.with("crossbar.rows=64", "--set").with("chip.clock=500MHz", "--set")
                        .with("periphery.adc={bits: 7, model: flash}", "--set").with("device.cellBits=3", "--set").overrides());
        assertEquals(128, base.bind().crossbar().rows()); // documents are immutable

        assertEquals("--set: crossbar.rows: must be between 1 and 16384, got 0",
                assertThrows(BadInputException.class, () -> base.with("crossbar.rows=0", "--set").bind()).getMessage());
        assertEquals("--set: crossbar.row: no such config key (did you mean \"rows\"?); known keys of crossbar: "
                        + "rows, cols, cellType, wireResistance, sourceResistance, sinkResistance, irDrop",
                assertThrows(BadInputException.class, () -> base.with("crossbar.row=64", "--set")).getMessage());
        assertEquals("--set: crossbar.rows.x: crossbar.rows is a value, not a section",
                assertThrows(BadInputException.class, () -> base.with("crossbar.rows.x=1", "--set")).getMessage());
        assertEquals("--set: expected path=value (e.g. crossbar.rows=64), got \"crossbar.rows\"",
                assertThrows(BadInputException.class, () -> base.with("crossbar.rows", "--set")).getMessage());
        assertEquals("--set: crossbar.rows: has no value; write crossbar.rows=VALUE",
                assertThrows(BadInputException.class, () -> base.with("crossbar.rows=", "--set")).getMessage());
        assertEquals("--set: chip.clock: expected a frequency like \"1GHz\", got \"1\" (the unit is missing)",
                assertThrows(BadInputException.class, () -> base.with("chip.clock=1", "--set").bind()).getMessage());
        assertEquals("--set: device.onOffRatio: must be > 1 (Roff above Ron), got 1",
                assertThrows(BadInputException.class, () -> base.with("device.onOffRatio=1", "--set").bind()).getMessage());
        String m = assertThrows(BadInputException.class, () -> base.with("cossbar.rows=1", "--set")).getMessage();
        assertTrue(m.startsWith("--set: cossbar: no such config key (did you mean \"crossbar\"?)"), m);
        // a file value overridden by --set is reported as --set; the other values keep their lines
        ConfigDocument file = yaml(MINIMAL + "crossbar:\n  rows: 64\n  cols: 0\n");
        assertEquals("t.yaml:7: crossbar.cols: must be between 1 and 16384, got 0",
                assertThrows(BadInputException.class, () -> file.with("crossbar.rows=32", "--set").bind()).getMessage());
        assertEquals("--images: simulation.images: must be at least 1, got 0",
                assertThrows(BadInputException.class, () -> base.with("simulation.images=0", "--images").bind()).getMessage());
    }

    @Test
    void boundConfigsRoundTripThroughTheirTree() {
        Config c = ConfigDocument.read(resource("good.yaml")).with("crossbar.wireResistance=2.5Ohm", "--set")
                .with("chip.clock=1.23456789GHz", "--set").with("chip.tiles=12", "--set").bind();
        Config again = ConfigDocument.of(c, "copy", Path.of(".")).bind();
        assertEquals(c, again);
        assertEquals("1.23456789GHz", ConfigDocument.treeOf(c).get("chip").get("clock").textValue());
        Config resolved = ConfigDocument.parse(ConfigDocument.resolvedTreeOf(c, org.imcsim.device.api.DeviceModels.discover()).toString(),
                "resolved", true, Path.of(".")).bind();
        assertEquals(c.crossbar(), resolved.crossbar());
        assertEquals(c.device(), resolved.device()); // device parameters stay as given, so the model is the same
        assertEquals("17", resolved.device().resolvedParameters(org.imcsim.device.api.DeviceModels.discover()).get("onOffRatio"));
    }

    @Test
    void quantityTextIsLossless() {
        for (double v : new double[] {1e9, 1.5e9, 1.23456789e9, 1e-8, 3.3e-9, 1.0 / 3.0, 100e3, 2.2e-8, 0, 7.77777777777e-13}) {
            String t = QuantityText.format(v, org.imcsim.units.Dimension.FREQUENCY);
            assertEquals(v, org.imcsim.units.Quantity.parseSi(t, org.imcsim.units.Dimension.FREQUENCY), t);
        }
        assertEquals("1GHz", QuantityText.format(1e9, org.imcsim.units.Dimension.FREQUENCY));
        assertEquals("10ns", QuantityText.format(1e-8, org.imcsim.units.Dimension.TIME));
        assertEquals("17", QuantityText.plain(17.0));
        assertEquals("0.03", QuantityText.plain(0.03));
    }

    @Test
    void suggestionsNeedToBeClose() {
        assertEquals("rows", Suggest.closest("rowz", List.of("rows", "cols")).orElseThrow());
        assertEquals("colsPerAdc", Suggest.closest("colsPerADC", List.of("bits", "colsPerAdc")).orElseThrow());
        assertTrue(Suggest.closest("zzzzzz", List.of("rows", "cols")).isEmpty());
        assertEquals(1, Suggest.distance("ab", "ba"));
    }
}
