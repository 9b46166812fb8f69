package org.imcsim.cli;

import org.imcsim.run.ConfigReportJob;
import org.imcsim.run.RunJob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.imcsim.report.BuildInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class MainTest {
    static final String GOOD = String.join("\n",
            "technology:", "  node: 22nm",
            "device:", "  model: rram", "  cellBits: 2",
            "crossbar:", "  rows: 128", "  cols: 64",
            "periphery:", "  adc:", "    bits: 6", "    colsPerAdc: 4",
            "workload:", "  network: lenet5",
            "simulation:", "  seed: 7", "  images: 10", "  chips: 2", "");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path wd;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isBlank() ? List.of() : err.strip().lines().toList();
        }
    }

    Result run(RunJob job, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Main.Environment(wd, job, CLOCK));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Result run(String... args) {
        return run(new ConfigReportJob(), args);
    }

    Path write(String name, String text) throws IOException {
        Path p = wd.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Asserts exit code 2, exactly one line on stderr equal to {@code expected} (or matching it as a regex), nothing on stdout, no runs/. */
    void badInput(String expected, String... args) {
        Result r = run(args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.equals(expected) || line.matches(expected), "got: " + line);
        assertEquals("", r.out());
        assertFalse(Files.exists(wd.resolve("runs")), "bad input must not create a run folder");
    }

    @BeforeEach
    @AfterEach
    void quiet() {
        Logging.setVerbosity(0);
    }

    @Test
    void versionAndHelp() {
        Result v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("imcsim " + BuildInfo.version() + "\n"), v.out());
        assertFalse(BuildInfo.version().contains("${"));
        Result h = run("--help");
        assertEquals(0, h.code());
        for (String c : List.of("run", "validate", "list", "describe", "Exit codes")) {
            assertTrue(h.out().contains(c), c);
        }
        assertEquals(0, run().code());
        Result rh = run("run", "--help");
        assertTrue(rh.out().contains("--preset") && rh.out().contains("--set") && rh.out().contains("--out"), rh.out());
    }

    @Test
    void runWritesASortedDeterministicReport() throws IOException {
        write("good.yaml", GOOD);
        Result r = run("run", "--config", "good.yaml", "--out", "o1");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("report: o1/report.json"), r.out());
        assertTrue(r.out().contains("128 x 64 1T1R"), r.out());
        Path report = wd.resolve("o1/report.json");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(64, json.at("/config/crossbar/cols").intValue());
        assertEquals("22nm", json.at("/config/technology/node").textValue());
        assertEquals("17", json.at("/device/parameters/onOffRatio").asText()); // the model's default, resolved
        assertTrue(json.at("/config/device/onOffRatio").isMissingNode(), "config.device holds only what was given");
        assertEquals("2", json.at("/config/device/cellBits").asText());
        assertEquals(7, json.at("/run/seed").longValue());
        assertEquals("good.yaml", json.at("/run/configSource").textValue());
        assertEquals(BuildInfo.version(), json.at("/run/imcsimVersion").textValue());
        assertEquals(1, json.at("/run/reportFormat").intValue());
        assertSorted(json);
        String text = Files.readString(report);
        assertTrue(text.endsWith("}\n"));
        try (Stream<Path> files = Files.list(wd.resolve("o1"))) {
            assertEquals(List.of("report.json"), files.map(p -> p.getFileName().toString()).toList(), "no temporary files left");
        }
        // same inputs, same bytes
        assertEquals(0, run("run", "--config", "good.yaml", "--out", "o2").code());
        assertArrayEquals(Files.readAllBytes(report), Files.readAllBytes(wd.resolve("o2/report.json")));
        // the report's config section is itself a valid config giving the same run
        Files.writeString(wd.resolve("again.json"), new ObjectMapper().writeValueAsString(json.get("config")));
        assertEquals(0, run("run", "--config", "again.json", "--out", "o3").code());
        JsonNode again = new ObjectMapper().readTree(wd.resolve("o3/report.json").toFile());
        assertEquals(json.get("config"), again.get("config"));
    }

    static void assertSorted(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(null);
            assertEquals(sorted, names);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                assertSorted(it.next());
            }
        }
    }

    @Test
    void shortcutsAndSetsReachTheConfig() throws IOException {
        write("good.yaml", GOOD);
        Result r = run("run", "-c", "good.yaml", "--set", "crossbar.rows=64", "-s", "device.cellBits=3", "--seed", "9",
                "--images", "3", "--chips", "4", "--time", "1h", "-o", "out");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(wd.resolve("out/report.json").toFile());
        assertEquals(64, json.at("/config/crossbar/rows").intValue());
        assertEquals("3", json.at("/config/device/cellBits").asText());
        assertEquals(9, json.at("/run/seed").longValue());
        assertEquals(9, json.at("/config/simulation/seed").longValue());
        assertEquals(3, json.at("/config/simulation/images").intValue());
        assertEquals(4, json.at("/config/simulation/chips").intValue());
        assertEquals("3600s", json.at("/config/simulation/inferenceTime").textValue());
        assertEquals("[\"crossbar.rows=64\",\"device.cellBits=3\",\"simulation.seed=9\",\"simulation.images=3\",\"simulation.chips=4\",\"simulation.inferenceTime=1h\"]",
                json.at("/run/overrides").toString());
    }

    @Test
    void aJobsAttachmentsLandInTheRunFolder() throws IOException {
        write("good.yaml", GOOD);
        RunJob job = (config, ctx) -> ConfigReportJob.baseReport(config, ctx)
                .put("mapping.crossbars", config.crossbar().rows() / 64)
                .attach("layers.csv", "layer,crossbars\nfc1," + config.crossbar().rows() / 64 + "\n").build();
        Result r = run(job, "run", "-c", "good.yaml", "-o", "out");
        assertEquals(0, r.code(), r.err());
        assertEquals("layer,crossbars\nfc1,2\n", Files.readString(wd.resolve("out/layers.csv")));
        assertEquals(2, new ObjectMapper().readTree(wd.resolve("out/report.json").toFile()).at("/mapping/crossbars").intValue());
    }

    @Test
    void withoutOutEachRunGetsAFreshFolder() throws IOException {
        write("good.yaml", GOOD);
        Result first = run("run", "-c", "good.yaml");
        assertEquals(0, first.code(), first.err());
        Path a = wd.resolve("runs/20240102-030405/report.json");
        assertTrue(Files.exists(a), first.out());
        assertTrue(first.out().contains("report: runs/20240102-030405/report.json"), first.out());
        Files.writeString(a, "kept");
        Result second = run("run", "-c", "good.yaml");
        assertEquals(0, second.code(), second.err());
        assertTrue(Files.exists(wd.resolve("runs/20240102-030405-2/report.json")));
        assertEquals("kept", Files.readString(a), "an existing run folder is never overwritten");
    }

    @Test
    void everyBadInputIsOneLineAndExitCode2() throws IOException {
        write("good.yaml", GOOD);
        badInput("imcsim: missing.yaml: no such file", "run", "--config", "missing.yaml");
        write("malformed.yaml", "crossbar:\n  rows: [1, 2\n");
        badInput("imcsim: malformed\\.yaml:\\d+:\\d+: malformed YAML: .+", "run", "--config", "malformed.yaml");
        write("unknown.yaml", GOOD.replace("  rows: 128", "  rowz: 128"));
        badInput("imcsim: unknown.yaml:7: crossbar.rowz: unknown key (did you mean \"rows\"?); known keys of crossbar: "
                + "rows, cols, cellType, wireResistance, sourceResistance, sinkResistance, irDrop", "run", "--config", "unknown.yaml");
        write("unit.yaml", GOOD + "chip:\n  clock: 1000\n");
        badInput("imcsim: unit.yaml:20: chip.clock: expected a frequency like \"1GHz\", got \"1000\" (the unit is missing)",
                "run", "--config", "unit.yaml");
        write("range.yaml", GOOD.replace("    bits: 6", "    bits: 0"));
        badInput("imcsim: range.yaml:11: periphery.adc.bits: must be between 1 and 16, got 0", "run", "--config", "range.yaml");
        write("type.yaml", GOOD.replace("  rows: 128", "  rows: lots"));
        badInput("imcsim: type.yaml:7: crossbar.rows: expected an integer, got \"lots\"", "run", "--config", "type.yaml");
        write("device.yaml", GOOD.replace("  cellBits: 2", "  cellBits: 9"));
        badInput("imcsim: device.yaml:5: device.cellBits: expected an integer 1..8 or analog, got 9", "run", "--config", "device.yaml");
        badInput("imcsim: --preset: unknown preset \"neurosm\" (did you mean \"neurosim\"?); known: default, neurosim, isaac",
                "run", "--preset", "neurosm");
        badInput("imcsim: --set: crossbar.row: no such config key (did you mean \"rows\"?); known keys of crossbar: "
                + "rows, cols, cellType, wireResistance, sourceResistance, sinkResistance, irDrop", "run", "-c", "good.yaml", "--set", "crossbar.row=1");
        badInput("imcsim: --set: crossbar.cols: must be between 1 and 16384, got -4", "run", "-c", "good.yaml", "--set", "crossbar.cols=-4");
        badInput("imcsim: --set: expected path=value (e.g. crossbar.rows=64), got \"crossbar.rows\"", "run", "-c", "good.yaml", "--set", "crossbar.rows");
        badInput("imcsim: --images: simulation.images: must be at least 1, got 0", "run", "-c", "good.yaml", "--images", "0");
        badInput("imcsim: --time: simulation.inferenceTime: expected a time like \"10ns\", got \"5\" (the unit is missing)",
                "run", "-c", "good.yaml", "--time", "5");
        badInput("imcsim: --seed: simulation.seed: must be at least 0, got -1", "run", "-c", "good.yaml", "--seed", "-1");
        badInput("imcsim: Invalid value for option '--seed': 'abc' is not a long \\(see 'imcsim run --help'\\)", "run", "--seed", "abc");
        badInput("imcsim: Unknown options?: '--sed'.* \\(did you mean .*--seed.*\\) \\(see 'imcsim run --help'\\)", "run", "--sed", "3");
        badInput("imcsim: Unmatched argument at index 0: 'runn' \\(did you mean run\\?\\) \\(see 'imcsim --help'\\)", "runn");
        badInput("imcsim: Error: --config=FILE, --preset=NAME are mutually exclusive \\(specify only one\\) \\(see 'imcsim run --help'\\)",
                "run", "--config", "good.yaml", "--preset", "default");
        Files.writeString(wd.resolve("afile"), "x");
        badInput("imcsim: --out: afile is a file; expected a folder", "run", "-c", "good.yaml", "--out", "afile");
        badInput("imcsim: missing.yaml: no such file", "validate", "missing.yaml");
        badInput("imcsim: range.yaml:11: periphery.adc.bits: must be between 1 and 16, got 0", "validate", "range.yaml");
        badInput("imcsim: describe: unknown name \"crosbar\" (did you mean \"crossbar\"?); try a device model, a preset, a hardware component or a config section from imcsim list",
                "describe", "crosbar");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        Result r = run("--debug", "run", "--config", "missing.yaml");
        assertEquals(2, r.code());
        assertTrue(r.errLines().size() > 3, r.err());
        assertTrue(r.err().contains("at org.imcsim.config.ConfigDocument.read"), r.err());
        Result r2 = run("run", "--debug", "--config", "missing.yaml");
        assertTrue(r2.errLines().size() > 3, "--debug also works after the subcommand");
    }

    @Test
    void internalFailuresExit1() throws IOException {
        write("good.yaml", GOOD);
        RunJob broken = (config, ctx) -> {
            throw new IllegalStateException("engine exploded");
        };
        Result r = run(broken, "run", "-c", "good.yaml");
        assertEquals(1, r.code());
        assertEquals(List.of("imcsim: internal error: java.lang.IllegalStateException: engine exploded (rerun with --debug for the stack trace)"),
                r.errLines());
        assertFalse(Files.exists(wd.resolve("runs")));
        Result d = run(broken, "--debug", "run", "-c", "good.yaml");
        assertEquals(1, d.code());
        assertTrue(d.err().contains("at org.imcsim.cli.MainTest"), d.err());
    }

    @Test
    void validatePrintsOkAndASummary() throws IOException {
        write("good.yaml", GOOD);
        Result r = run("validate", "good.yaml", "--set", "chip.interconnect=mesh");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("OK: good.yaml\n"), r.out());
        assertTrue(r.out().contains("mesh"), r.out());
        assertTrue(r.out().contains("rram: cellBits=2"), r.out());
        assertTrue(r.out().contains("lenet5 (no dataset: hardware only)"), r.out());
    }

    @Test
    void listShowsModelsPresetsAndChoices() {
        Result r = run("list");
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("rram", "default ", "neurosim ", "periphery.adc.model", "mlsa, flash, sar", "xy-bus, htree, mesh",
                "periphery.adc")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    @Test
    void describeModelsPresetsSectionsAndKeys() {
        Result m = run("describe", "rram");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("device.ron") && m.out().contains("Ohm") && m.out().contains("100kOhm"), m.out());
        assertTrue(m.out().contains("neurosim") && m.out().contains("cellWidthF=12"), m.out());
        Result p = run("describe", "default");
        assertTrue(p.out().contains("traces/models/fmnist_lenet.onnx"), p.out());
        Result s = run("describe", "crossbar");
        assertTrue(s.out().contains("crossbar.wireResistance") && s.out().contains("resistance"), s.out());
        Result k = run("describe", "chip.clock");
        assertTrue(k.out().contains("default: 1GHz") && k.out().contains("> 0Hz"), k.out());
    }

    @Test
    void verbosityCountsFlagsBeforeAndAfterTheSubcommand() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        run("list");
        assertEquals(Level.WARN, root.getLevel());
        run("-v", "list");
        assertEquals(Level.INFO, root.getLevel());
        run("-v", "list", "-v");
        assertEquals(Level.DEBUG, root.getLevel());
        run("list", "-vvv");
        assertEquals(Level.TRACE, root.getLevel());
    }
}
