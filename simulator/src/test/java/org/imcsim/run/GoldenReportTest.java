package org.imcsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.report.Report;
import org.junit.jupiter.api.Test;

/**
 * Golden reports: small fixed scenarios whose accuracy and headline hardware figures must not
 * change unless a model changes on purpose. After such a change, regenerate and review the diff:
 * {@code ./mvnw -B -o -q -pl simulator -am test -Dtest=GoldenReportTest -Dsurefire.failIfNoSpecifiedTests=false -Dimcsim.regenerateGolden=true}
 */
class GoldenReportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The fields compared: what a user reads first. */
    static final List<String> FIELDS = List.of("/accuracy/floatTop1", "/accuracy/quantizedTop1", "/accuracy/idealChipTop1",
            "/accuracy/top1Mean", "/accuracy/top1Std", "/accuracy/mapping/crossbars", "/mapping/crossbars", "/mapping/tiles",
            "/area/totalMm2", "/energy/totalPj", "/energy/dynamicPj", "/latency/singleImageNs", "/latency/pipelineIntervalNs",
            "/latency/clockPeriodNs", "/efficiency/topsPerWatt");

    @Test
    void defaultPresetSmall() throws Exception {
        check("default-256x2", ConfigDocument.preset("default").with("simulation.images=256", "--set")
                .with("simulation.chips=2", "--set").bind());
    }

    @Test
    void digitsOnPcmAfterADay() throws Exception {
        String yaml = String.join("\n",
                "device: {model: pcm, cellBits: 2}",
                "crossbar: {rows: 64, cols: 64}",
                "periphery: {dacBits: 1, adc: {model: sar, bits: 6, colsPerAdc: 8, range: calibrated}}",
                "mapping: {weightBits: 8, inputBits: 8, signed: differential, subtraction: analog}",
                "workload: {network: traces/models/digits_mlp.onnx, dataset: digits-test}",
                "simulation: {seed: 3, images: 355, chips: 3, inferenceTime: 1d}", "");
        check("digits-pcm-1d", ConfigDocument.parse(yaml, "digits-pcm-1d.yaml", false, Path.of("").toAbsolutePath()).bind());
    }

    private static void check(String name, Config c) throws Exception {
        RunContext ctx = new RunContext("golden " + name, List.of(), Path.of("").toAbsolutePath(), "test", DeviceModels.discover());
        Report r = new SimulationJob().execute(c, ctx);
        ObjectNode got = JSON.createObjectNode();
        for (String f : FIELDS) {
            JsonNode v = r.tree().at(f);
            if (!v.isMissingNode()) {
                got.set(f, v);
            }
        }
        Path file = Path.of("src/test/resources/golden/" + name + ".json");
        if (Boolean.getBoolean("imcsim.regenerateGolden")) {
            Files.writeString(file, got.toPrettyString() + "\n");
        }
        assertTrue(Files.exists(file), file + " missing; regenerate (see class Javadoc)");
        JsonNode want = JSON.readTree(file.toFile());
        assertEquals(want.toPrettyString(), got.toPrettyString(), name + " differs from its golden report; if the change is intended, "
                + "regenerate with -Dimcsim.regenerateGolden=true and review the diff");
    }
}
