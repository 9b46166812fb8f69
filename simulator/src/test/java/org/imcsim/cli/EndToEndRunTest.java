package org.imcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.imcsim.run.SimulationJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imcsim run} on the default preset, end to end, with the real simulation job. */
class EndToEndRunTest {
    @TempDir
    Path wd;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Main.Environment(wd, new SimulationJob(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void defaultRunReportsAccuracyEnergyAreaLatencyAndIsThreadIndependent() throws Exception {
        run("run", "--out", "a", "--images", "128", "--chips", "2", "--set", "simulation.threads=1");
        run("run", "--out", "b", "--images", "128", "--chips", "2", "--set", "simulation.threads=2");
        JsonNode r = new ObjectMapper().readTree(wd.resolve("a/report.json").toFile());
        for (String p : new String[] {"/accuracy/floatTop1", "/accuracy/quantizedTop1", "/accuracy/top1Mean", "/accuracy/top1Std",
                "/accuracy/images", "/accuracy/chips", "/area/totalMm2", "/area/breakdownMm2/arrays", "/area/breakdownMm2/adc",
                "/area/breakdownMm2/dacAndDrivers", "/area/breakdownMm2/accumulation", "/area/breakdownMm2/buffers",
                "/area/breakdownMm2/interconnect", "/area/breakdownMm2/other", "/energy/totalPj", "/energy/dynamicPj",
                "/energy/leakagePj", "/energy/breakdownPj/adc", "/latency/singleImageNs", "/latency/pipelineIntervalNs",
                "/latency/clockPeriodNs", "/throughput/inferencesPerSecond", "/throughput/tops", "/efficiency/topsPerWatt",
                "/efficiency/topsPerMm2", "/mapping/crossbars", "/layers/0/energyPj", "/provenance/0"}) {
            assertTrue(!r.at(p).isMissingNode(), p + " missing from report.json");
        }
        assertEquals(128, r.at("/accuracy/images").asInt());
        assertTrue(r.at("/accuracy/floatTop1").asDouble() > 0.85, "trained LeNet: " + r.at("/accuracy/floatTop1"));
        assertTrue(r.at("/accuracy/top1Mean").asDouble() > 0.7, "simulated LeNet: " + r.at("/accuracy/top1Mean"));
        assertTrue(r.at("/energy/totalPj").asDouble() > 0 && r.at("/area/totalMm2").asDouble() > 0);
        double sum = 0;
        for (JsonNode v : r.at("/energy/breakdownPj")) {
            sum += v.asDouble();
        }
        assertEquals(r.at("/energy/dynamicPj").asDouble(), sum, 1e-6 * sum, "the energy breakdown adds up to the dynamic energy");
        assertEquals(5, r.at("/accuracy/chipTop1").size() + 3, "one accuracy per chip");
        assertTrue(Files.size(wd.resolve("a/layers.csv")) > 0 && Files.size(wd.resolve("a/action_counts.json")) > 0);
        run("run", "--out", "c", "--images", "64", "--chips", "1", "--trace", "trace.json");
        assertTrue(Files.readString(wd.resolve("trace.json")).contains("\"traceEvents\""));
        // same seed, different thread counts: byte-identical reports
        // (apart from the thread count itself, which the report records)
        String a = Files.readString(wd.resolve("a/report.json")).replaceAll("threads\"?[:=] ?\\d", "threads");
        String b = Files.readString(wd.resolve("b/report.json")).replaceAll("threads\"?[:=] ?\\d", "threads");
        assertTrue(a.length() > 5000);
        assertEquals(a, b);
    }

    /** Runs the real job expecting bad input: exit 2, one line on stderr (returned), no report. */
    private String badRun(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Main.Environment(wd, new SimulationJob(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
        String e = err.toString(StandardCharsets.UTF_8).trim();
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(!Files.exists(wd.resolve("x/report.json")), "no half-written report");
        return e;
    }

    @Test
    void dataDependentBadInputsNameTheFieldAndTheLayerOnce() {
        assertEquals("imcsim: mapping.inputBits: layer /conv1/Conv: negative inputs are fed in two's complement, which needs at "
                + "least 2 bits (a sign bit and a magnitude bit), got 1",
                badRun("run", "--out", "x", "--images", "16", "--chips", "1", "--set", "mapping.inputBits=1"));
        String unipolar = badRun("run", "--out", "x", "--images", "16", "--chips", "1", "--set", "mapping.signed=unipolar");
        assertTrue(unipolar.startsWith("imcsim: mapping.signed: layer /conv1/Conv: unipolar mapping needs one sign per crossbar"),
                unipolar);
        assertEquals(1, unipolar.split("layer /conv1/Conv", -1).length - 1, unipolar);
    }
}
