package org.imcsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.imcsim.cli.Main;
import org.imcsim.run.RunJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep, merge and plot commands end to end (with the analytic test job). */
class SweepCommandTest {
    @TempDir
    Path wd;

    record Result(int code, String out, String err) {
    }

    Result run(RunJob job, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Main.Environment(wd, job, Clock.systemUTC()));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sweepShardMergeAndPlot() throws IOException {
        Files.writeString(wd.resolve("base.yaml"), SweepTestSupport.BASE);
        Files.writeString(wd.resolve("s.yaml"), "grid:\n  periphery.adc.bits: [4, 5, 6]\n  crossbar.rows: [64, 128]\n");
        Result r = run(new AnalyticJob(), "sweep", "--base", "base.yaml", "--sweep", "s.yaml", "--out", "all", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("sweep: 6 points, 2 thread(s)\nran 6 point(s), 6 simulation(s), 0 failed\n"), r.out());
        assertTrue(r.out().contains("pareto: all/pareto.csv ("), r.out());
        assertTrue(r.out().contains("report: all/report.html"), r.out());
        // no terminal here: plain progress lines, no control codes
        assertTrue(r.err().contains("sweep: 6/6 points"), r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\r"), r.err());

        for (int i = 0; i < 2; i++) {
            Result s = run(new AnalyticJob(), "sweep", "-b", "base.yaml", "--sweep", "s.yaml", "-o", "s" + i, "--shard", i + "/2", "--no-analysis");
            assertEquals(0, s.code(), s.err());
            assertTrue(s.out().contains("shard " + i + "/2: 3 points"), s.out());
            assertFalse(Files.exists(wd.resolve("s" + i + "/report.html")));
        }
        Result m = run(new AnalyticJob(), "merge", "s0", "s1", "--out", "merged");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().startsWith("merged 2 folder(s): 6 points, 0 failed"), m.out());
        assertEquals(Files.readString(wd.resolve("all/results.jsonl")), Files.readString(wd.resolve("merged/results.jsonl")));
        assertEquals(Files.readString(wd.resolve("all/pareto.csv")), Files.readString(wd.resolve("merged/pareto.csv")));

        Result p = run(new AnalyticJob(), "plot", "s0");
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.exists(wd.resolve("s0/report.html")));
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Files.writeString(wd.resolve("s.yaml"), "grid:\n  periphery.adc.bits: {start: 3}\n");
        Result r = run(new AnalyticJob(), "sweep", "--sweep", "s.yaml", "--out", "o");
        assertEquals(2, r.code());
        assertEquals("imcsim: s.yaml:2: grid.periphery.adc.bits: missing stop\n", r.err());
        assertFalse(Files.exists(wd.resolve("o")));
        Files.writeString(wd.resolve("s.yaml"), "grid:\n  periphery.adc.bits: [4]\n");
        Result shard = run(new AnalyticJob(), "sweep", "--sweep", "s.yaml", "--out", "o", "--shard", "2/2");
        assertEquals("imcsim: --shard: expected i/N with 0 <= i < N, got 2/2\n", shard.err());
        Result plot = run(new AnalyticJob(), "plot", "nowhere");
        assertEquals(2, plot.code());
        assertEquals("imcsim: nowhere: holds no sweep (no manifest.json)\n", plot.err());
        Result merge = run(new AnalyticJob(), "merge", "nowhere", "--out", "m");
        assertEquals(2, merge.code());
    }
}
