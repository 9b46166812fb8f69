package org.imcsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imcsim.config.BadInputException;
import org.imcsim.config.Config;
import org.junit.jupiter.api.Test;

class SweepSpecTest {

    static List<String> column(SweepPlan plan, String path) {
        List<String> out = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            out.add(p.settings().get(path).display());
        }
        return out;
    }

    @Test
    void gridIsTheCartesianProductFirstAxisSlowest() {
        SweepPlan plan = SweepTestSupport.plan("grid:\n  periphery.adc.bits: [3, 4, 5]\n  device.cellBits: [1, 2]\n");
        assertEquals(6, plan.points().size());
        assertEquals(List.of("3", "3", "4", "4", "5", "5"), column(plan, "periphery.adc.bits"));
        assertEquals(List.of("1", "2", "1", "2", "1", "2"), column(plan, "device.cellBits"));
        assertEquals("p0000", plan.points().get(0).id().substring(0, 5));
        assertEquals(5, plan.points().get(5).index());
    }

    @Test
    void zipAdvancesTogetherAndCrossesWithTheGrid() {
        SweepPlan plan = SweepTestSupport.plan("grid:\n  periphery.adc.bits: [4, 6]\nzip:\n  - crossbar.rows: [64, 128, 256]\n"
                + "    crossbar.cols: [64, 128, 256]\n");
        assertEquals(6, plan.points().size());
        assertEquals(column(plan, "crossbar.rows"), column(plan, "crossbar.cols"));
        assertEquals(List.of("64", "128", "256", "64", "128", "256"), column(plan, "crossbar.rows"));
    }

    @Test
    void rangesLinearLogCountAndQuantities() {
        assertEquals(List.of("3", "4", "5", "6", "7", "8"),
                column(SweepTestSupport.plan("grid:\n  periphery.adc.bits: {start: 3, stop: 8, step: 1}\n"), "periphery.adc.bits"));
        assertEquals(List.of("64", "128", "256", "512"),
                column(SweepTestSupport.plan("grid:\n  crossbar.rows: {start: 64, stop: 512, factor: 2}\n"), "crossbar.rows"));
        assertEquals(List.of("0.0", "0.05", "0.1"),
                column(SweepTestSupport.plan("grid:\n  periphery.adc.noiseLsb: {start: 0.0, stop: 0.1, count: 3}\n"), "periphery.adc.noiseLsb"));
        assertEquals(List.of("1s", "10s", "1.66667min", "16.6667min", "2.77778h", "1.15741d"),
                column(SweepTestSupport.plan("grid:\n  simulation.inferenceTime: {start: 1s, stop: 1e5s, count: 6, scale: log}\n"),
                        "simulation.inferenceTime"));
        // the generated quantity text binds back to the value
        SweepPlan plan = SweepTestSupport.plan("grid:\n  simulation.inferenceTime: {start: 1s, stop: 1e5s, count: 6, scale: log}\n");
        Config c = plan.document(plan.points().get(5)).bind(SweepTestSupport.MODELS);
        assertEquals(1e5, c.simulation().inferenceTimeS(), 1e5 * 1e-5);
        assertEquals(List.of("8", "6", "4"),
                column(SweepTestSupport.plan("grid:\n  periphery.adc.bits: {start: 8, stop: 3, step: -2}\n"), "periphery.adc.bits"));
    }

    @Test
    void choicesReplaceASectionAndShowTheirName() {
        SweepPlan plan = SweepTestSupport.plan("grid:\n  device:\n    choices:\n      rram: {model: rram, cellBits: 1}\n"
                + "      pcm: {model: pcm, cellBits: 1}\n");
        assertEquals(List.of("rram", "pcm"), column(plan, "device"));
        Config c = plan.document(plan.points().get(1)).bind(SweepTestSupport.MODELS);
        assertEquals("pcm", c.device().model());
        assertEquals("pcm", plan.points().get(1).parametersJson().get("device").textValue());
    }

    @Test
    void randomAndLatinHypercubeSamplingAreSeededAndStratified() {
        String lhs = "sample:\n  method: lhs\n  points: 10\n  seed: 4\n  parameters:\n"
                + "    periphery.adc.noiseLsb: {min: 0.0, max: 1.0}\n    periphery.adc.bits: {min: 3, max: 12, integer: true}\n";
        SweepPlan a = SweepTestSupport.plan(lhs);
        SweepPlan b = SweepTestSupport.plan(lhs);
        assertEquals(10, a.points().size());
        assertEquals(SweepFolder.planJson(a.points()), SweepFolder.planJson(b.points()));
        // LHS: exactly one sample in each tenth of [0, 1)
        Set<Integer> strata = new HashSet<>();
        for (String v : column(a, "periphery.adc.noiseLsb")) {
            strata.add((int) Math.floor(Double.parseDouble(v) * 10));
        }
        assertEquals(10, strata.size());
        // ...and exactly one in each of the ten integers 3..12
        assertEquals(10, new HashSet<>(column(a, "periphery.adc.bits")).size());
        SweepPlan other = SweepTestSupport.plan(lhs.replace("seed: 4", "seed: 5"));
        assertNotEquals(column(a, "periphery.adc.noiseLsb"), column(other, "periphery.adc.noiseLsb"));

        String random = "grid:\n  device.cellBits: [1, 2]\nsample:\n  method: random\n  points: 7\n  parameters:\n"
                + "    periphery.adc.bits: [4, 5, 6]\n    periphery.adc.percentile: {min: 90, max: 100, scale: log}\n";
        SweepPlan r = SweepTestSupport.plan(random);
        assertEquals(14, r.points().size());
        // the sample set is drawn once and crossed with the grid
        assertEquals(column(r, "periphery.adc.bits").subList(0, 7), column(r, "periphery.adc.bits").subList(7, 14));
        for (String v : column(r, "periphery.adc.percentile")) {
            double d = Double.parseDouble(v);
            assertTrue(d >= 90 && d <= 100, v);
        }
        // adding a sampled parameter does not change the draws of the others (one stream per parameter)
        SweepPlan r2 = SweepTestSupport.plan(random + "    periphery.adc.noiseLsb: {min: 0, max: 1}\n");
        assertEquals(column(r, "periphery.adc.percentile"), column(r2, "periphery.adc.percentile"));
    }

    @Test
    void constraintsSkipCombinationsAndSeeBaseValues() {
        SweepPlan plan = SweepTestSupport.plan("grid:\n  periphery.adc.bits: [3, 4, 5, 6]\n  device.cellBits: [1, 2, 4]\n"
                + "constraints:\n  - periphery.adc.bits >= device.cellBits + 2\n"
                + "  - not (crossbar.rows == 128 and periphery.adc.bits == 6 and device.cellBits == 1)\n");
        assertEquals(12, plan.combinations());
        List<String> pairs = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            pairs.add(p.settings().get("periphery.adc.bits").display() + "/" + p.settings().get("device.cellBits").display());
        }
        assertEquals(List.of("3/1", "4/1", "4/2", "5/1", "5/2", "6/2", "6/4"), pairs);
        // indices are dense after filtering
        assertEquals(6, plan.points().get(6).index());
    }

    @Test
    void pointIdsAndSeedsAreStable() {
        SweepPlan common = SweepTestSupport.plan("grid:\n  periphery.adc.bits: [3, 4]\n");
        assertEquals(3, common.points().get(0).seed()); // the base config's seed
        SweepPlan perPoint = SweepTestSupport.plan("seed: 9\nseeds: per-point\ngrid:\n  periphery.adc.bits: [3, 4]\n");
        long s3 = perPoint.points().get(0).seed();
        assertNotEquals(s3, perPoint.points().get(1).seed());
        // a point keeps its seed and hash when another value is added before it
        SweepPlan more = SweepTestSupport.plan("seed: 9\nseeds: per-point\ngrid:\n  periphery.adc.bits: [2, 3, 4]\n");
        assertEquals(s3, more.points().get(1).seed());
        assertEquals(perPoint.points().get(0).id().substring(6), more.points().get(1).id().substring(6));
        assertEquals(s3, perPoint.document(perPoint.points().get(0)).bind(SweepTestSupport.MODELS).simulation().seed());
    }

    static String error(String spec) {
        return assertThrows(BadInputException.class, () -> SweepTestSupport.plan(spec)).getMessage();
    }

    @Test
    void badSpecsNameFileLineAndField() {
        assertEquals("sweep.yaml:2: gird: unknown key (did you mean \"grid\"?); expected one of constraints, description, grid, "
                + "metrics, objectives, plots, sample, seed, seeds, set, zip", error("seed: 1\ngird:\n  crossbar.rows: [1]\n"));
        assertEquals("sweep.yaml:5: zip[0].crossbar.cols: has 2 values but crossbar.rows has 3; zipped lists must be equally long",
                error("grid:\n  periphery.adc.bits: [4]\nzip:\n  - crossbar.rows: [64, 128, 256]\n    crossbar.cols: [64, 128]\n"));
        assertTrue(error("grid:\n  crossbar.rowz: [64]\n").startsWith("sweep.yaml:2: crossbar.rowz: no such config key (did you mean \"rows\"?)"));
        // every value is checked on its own before anything runs: type, unit, choice, documented range
        assertEquals("sweep.yaml:2: crossbar.rows: expected an integer, got \"x\"", error("grid:\n  crossbar.rows: [64, \"x\"]\n"));
        assertEquals("sweep.yaml:2: crossbar.rows: must be 1 … 16384, got 0", error("grid:\n  crossbar.rows: [64, 0]\n"));
        assertEquals("sweep.yaml:2: chip.clock: expected a frequency like \"1GHz\", got \"2kOhm\" (unknown unit \"kOhm\")",
                error("grid:\n  chip.clock: [1GHz, 2kOhm]\n"));
        assertTrue(error("set:\n  mapping.scale: pow3\ngrid:\n  crossbar.rows: [64]\n")
                .startsWith("sweep.yaml:2: mapping.scale: expected one of layer, channel, pow2, channel-pow2, got \"pow3\""));
        assertEquals("sweep.yaml:4: crossbar.cols: must be 1 … 16384, got -2",
                error("grid:\n  crossbar.rows: [64]\nzip:\n  - crossbar.cols: [64, -2]\n    periphery.adc.bits: [4, 5]\n"));
        assertEquals("sweep.yaml:2: grid.periphery.adc.bits.step: must be non-zero and point from start (3) towards stop (8)",
                error("grid:\n  periphery.adc.bits: {start: 3, stop: 8, step: -1}\n"));
        assertEquals("sweep.yaml:4: constraints[0]: unexpected ')' at column 6 of \"a < 3)\"",
                error("grid:\n  periphery.adc.bits: [4]\nconstraints:\n  - a < 3)\n"));
        assertTrue(error("grid:\n  periphery.adc.bits: [4]\nconstraints:\n  - periphery.adc.bitz > 3\n")
                .startsWith("sweep.yaml:4: constraints: unknown name periphery.adc.bitz"));
        assertEquals("sweep.yaml:4: crossbar.rows: is set twice (also at sweep.yaml:2)",
                error("grid:\n  crossbar.rows: [64]\nzip:\n  - crossbar.rows: [64]\n"));
        assertEquals("sweep.yaml: sweeps nothing; give grid:, zip: or sample:", error("description: nothing\n"));
        assertEquals("sweep.yaml:2: sample.method: expected random or lhs, got \"sobol\"",
                error("sample:\n  method: sobol\n  points: 3\n  parameters:\n    crossbar.rows: [64]\n"));
        assertTrue(error("grid: [1, 2]\n").startsWith("sweep.yaml:1: grid: expected a mapping"));
        assertTrue(error("metrics:\n  accuracy: true\ngrid:\n  crossbar.rows: [64]\n").startsWith("sweep.yaml: metrics.accuracy: the base config"));
        assertTrue(error("grid:\n  periphery.adc.bits: [4\n").startsWith("sweep.yaml:3: malformed YAML"));
        assertEquals("sweep.yaml:4: objectives.energi: unknown metric \"energi\" (did you mean \"energy\"?); expected one of area, energy, "
                + "latency, throughput, topsPerWatt, topsPerMm2, accuracy, accuracyStd, crossbars or a report path like mapping.crossbars",
                error("grid:\n  crossbar.rows: [64]\nobjectives:\n  energi: min\n"));
    }

    @Test
    void aFixedSectionMayHoldASweptKeyButNotTheOtherWayRound() {
        SweepPlan plan = SweepTestSupport.plan("set:\n  device: {model: pcm, cellBits: 2}\ngrid:\n  device.driftCompensation: [true, false]\n");
        Config c = plan.document(plan.points().get(1)).bind(SweepTestSupport.MODELS);
        assertEquals("pcm", c.device().model());
        assertEquals("false", c.device().parameters().get("driftCompensation"));
        assertEquals("sweep.yaml:4: device: overlaps device.cellBits (at sweep.yaml:2), which this swept section would overwrite",
                error("set:\n  device.cellBits: 1\ngrid:\n  device: {values: [{model: rram}]}\n"));
    }

    @Test
    void hardwareOnlyDropsTheDataset() {
        String base = SweepTestSupport.BASE.replace("  network: lenet5", "  network: lenet5\n  dataset: digits");
        SweepPlan plan = SweepPlan.expand(SweepSpec.parse("metrics:\n  accuracy: false\ngrid:\n  crossbar.rows: [64]\n", "s.yaml"),
                org.imcsim.config.ConfigDocument.parse(base, "b.yaml", false, java.nio.file.Path.of("")), SweepTestSupport.MODELS);
        assertEquals(null, plan.document(plan.points().get(0)).bind(SweepTestSupport.MODELS).workload().dataset());
        SweepPlan acc = SweepPlan.expand(SweepSpec.parse("metrics:\n  accuracy: true\n  images: 7\n  chips: 3\ngrid:\n  crossbar.rows: [64]\n",
                "s.yaml"), org.imcsim.config.ConfigDocument.parse(base, "b.yaml", false, java.nio.file.Path.of("")), SweepTestSupport.MODELS);
        Config c = acc.document(acc.points().get(0)).bind(SweepTestSupport.MODELS);
        assertEquals("digits", c.workload().dataset());
        assertEquals(7, c.simulation().images());
        assertEquals(3, c.simulation().chips());
        assertEquals(1, c.simulation().threads());
    }
}
