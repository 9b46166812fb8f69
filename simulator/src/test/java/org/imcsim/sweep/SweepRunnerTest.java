package org.imcsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imcsim.config.BadInputException;
import org.imcsim.config.ConfigDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    /**
     * 3 ADC x 3 cols x 2 profiles x 2 noise = 36 combinations, 24 after the constraint. cols 100 fails
     * validation (colsPerAdc 8 must divide it: 8 points); noiseLsb 7 fails in the job (4 more points).
     */
    static final String SPEC = String.join("\n",
            "description: runner test",
            "grid:",
            "  periphery.adc.bits: [4, 5, 6]",
            "  crossbar.cols: [64, 100, 128]",
            "  periphery.adc.model: [mlsa, sar]",
            "  periphery.adc.noiseLsb: [0, 7]",
            "constraints:",
            "  - periphery.adc.noiseLsb == 0 or periphery.adc.bits == 4",
            "");
    static final List<String> FILES = List.of("results.jsonl", "results.csv", "plan.json", "manifest.json", "sweep.yaml",
            "base-config.json");

    @TempDir
    Path tmp;

    static SweepRunner.Summary run(String spec, Path out, PointEvaluator<?> ev, int threads, Shard shard, boolean resume) throws IOException {
        SweepPlan plan = SweepTestSupport.plan(spec);
        return SweepRunner.run(plan, SweepTestSupport.base(), ev, out,
                new SweepRunner.Options(threads, shard, resume, false, "test"), SweepProgress.silent());
    }

    static void assertSameFiles(Path a, Path b, List<String> files) throws IOException {
        for (String f : files) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }

    @Test
    void outputsDoNotDependOnThreadCountAndFailuresAreRecorded() throws IOException {
        AnalyticJob job1 = new AnalyticJob();
        SweepRunner.Summary s1 = run(SPEC, tmp.resolve("t1"), ReportReuse.forJob(job1), 1, null, false);
        SweepRunner.Summary s3 = run(SPEC, tmp.resolve("t3"), ReportReuse.forJob(new AnalyticJob()), 3, null, false);
        assertEquals(s1, s3);
        assertEquals(24, s1.points()); // 3 adc x 3 cols x 2 profiles x noise 0, plus 1 adc x 3 x 2 x noise 7
        assertSameFiles(tmp.resolve("t1"), tmp.resolve("t3"), FILES);
        SweepAnalysis.write(tmp.resolve("t1"));
        SweepAnalysis.write(tmp.resolve("t3"));
        assertSameFiles(tmp.resolve("t1"), tmp.resolve("t3"), List.of("pareto.csv"));

        ResultSet rs = ResultSet.read(tmp.resolve("t1"));
        // cols 100 is not divisible by colsPerAdc 8: 8 points fail validation, naming the sweep line; noise 7 fails in the job
        List<PointResult> failed = rs.failed();
        assertEquals(12, failed.size(), failed.toString());
        PointResult bad = failed.stream().filter(r -> r.parameter("crossbar.cols").equals("100")).findFirst().orElseThrow();
        assertEquals("base.yaml:12: periphery.adc.colsPerAdc: must divide crossbar.cols (100), got 8", bad.error());
        assertTrue(failed.stream().anyMatch(r -> r.error().equals("periphery.adc.noiseLsb: 7 is unlucky (test)")));
        // results.csv: header + one row per point, sorted, with empty cells for metrics a failed point lacks
        List<List<String>> csv = Csv.parse(Files.readString(tmp.resolve("t1/results.csv")));
        assertEquals(25, csv.size());
        assertEquals(List.of("id", "index", "status", "periphery.adc.bits", "crossbar.cols", "periphery.adc.model",
                "periphery.adc.noiseLsb", "areaMm2", "energyPj", "latencyNs", "inferencesPerSecond", "topsPerWatt",
                "topsPerMm2", "accuracyMean", "accuracyStd", "crossbars", "error"), csv.get(0));
        for (int i = 1; i < csv.size(); i++) {
            assertEquals(Integer.toString(i - 1), csv.get(i).get(1));
        }
        // exact reuse (a test job): each of the 16 valid points runs once; failed validations never run
        assertEquals(16, job1.calls.get());
    }

    @Test
    void resumeAfterAKillMidLineFinishesWithoutRedoingOrDoubling(@TempDir Path ref) throws IOException {
        run(SPEC, ref, ReportReuse.forJob(new AnalyticJob()), 2, null, false);
        Path out = tmp.resolve("killed");
        run(SPEC, out, ReportReuse.forJob(new AnalyticJob()), 2, null, false);
        // simulate kill -9 after 9 points, in the middle of the 10th JSON line and before its CSV row
        byte[] jsonl = Files.readAllBytes(out.resolve("results.jsonl"));
        int cut = nthNewline(jsonl, 9) + 1 + 40;
        try (RandomAccessFile f = new RandomAccessFile(out.resolve("results.jsonl").toFile(), "rw")) {
            f.setLength(cut);
        }
        byte[] csv = Files.readAllBytes(out.resolve("results.csv"));
        try (RandomAccessFile f = new RandomAccessFile(out.resolve("results.csv").toFile(), "rw")) {
            f.setLength(nthNewline(csv, 5) + 7); // the CSV lags and is torn too
        }

        AnalyticJob job = new AnalyticJob();
        SweepRunner.Summary s = run(SPEC, out, ReportReuse.forJob(job), 2, null, true);
        assertEquals(9, s.earlier());
        assertEquals(24 - 9, s.ran());
        assertSameFiles(ref, out, FILES);
        // only unfinished points ran: indices 9..23, of which 4 (cols 100) fail validation and never reach the job
        assertEquals(11, job.calls.get());
        // resuming a finished sweep runs nothing
        AnalyticJob idle = new AnalyticJob();
        assertEquals(0, run(SPEC, out, ReportReuse.forJob(idle), 2, null, true).ran());
        assertEquals(0, idle.calls.get());
        assertSameFiles(ref, out, FILES);
    }

    static int nthNewline(byte[] b, int n) {
        int seen = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && ++seen == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("fewer than " + n + " lines");
    }

    @Test
    void resumeRefusesAChangedSpecOrBaseAndAFolderIsNotReusedSilently() throws IOException {
        Path out = tmp.resolve("o");
        run(SPEC, out, ReportReuse.forJob(new AnalyticJob()), 2, null, false);
        String again = assertThrows(BadInputException.class,
                () -> run(SPEC, out, ReportReuse.forJob(new AnalyticJob()), 2, null, false)).getMessage();
        assertEquals("--out: " + out + " already holds a sweep; add --resume to finish it, or choose a new folder", again);
        String changed = assertThrows(BadInputException.class,
                () -> run(SPEC.replace("[4, 5, 6]", "[4, 5, 7]"), out, ReportReuse.forJob(new AnalyticJob()), 2, null, true)).getMessage();
        assertTrue(changed.startsWith("--resume: " + out + " was started with a different sweep spec (sweep.yaml, sha256 "), changed);
        SweepPlan plan = SweepTestSupport.plan(SPEC);
        ConfigDocument otherBase = SweepTestSupport.base().with("simulation.seed=4", "--set");
        String base = assertThrows(BadInputException.class, () -> SweepRunner.run(plan, otherBase, ReportReuse.forJob(new AnalyticJob()),
                out, new SweepRunner.Options(1, null, true, false, "test"), SweepProgress.silent())).getMessage();
        assertTrue(base.contains("was started with a different base config"), base);
        String shard = assertThrows(BadInputException.class,
                () -> run(SPEC, out, ReportReuse.forJob(new AnalyticJob()), 2, new Shard(0, 2), true)).getMessage();
        assertTrue(shard.contains("holds shard (none: all points), not 0/2"), shard);
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/notes.txt"), "mine");
        String full = assertThrows(BadInputException.class,
                () -> run(SPEC, tmp.resolve("full"), ReportReuse.forJob(new AnalyticJob()), 2, null, true)).getMessage();
        assertTrue(full.endsWith("is not empty and holds no sweep; choose a new or empty folder"), full);
    }

    @Test
    void shardsMergeToTheUnshardedResultAndMergeChecksCompleteness() throws IOException {
        Path all = tmp.resolve("all");
        run(SPEC, all, ReportReuse.forJob(new AnalyticJob()), 2, null, false);
        List<Path> shards = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < 3; i++) {
            Path d = tmp.resolve("shard" + i);
            SweepRunner.Summary s = run(SPEC, d, ReportReuse.forJob(new AnalyticJob()), 1, new Shard(i, 3), false);
            total += s.shardPoints();
            assertEquals(8, s.shardPoints());
            shards.add(d);
        }
        assertEquals(24, total);
        Path merged = tmp.resolve("merged");
        SweepMerge.Outcome m = SweepMerge.merge(List.of(shards.get(2), shards.get(0), shards.get(1)), merged);
        assertEquals(24, m.points());
        assertSameFiles(all, merged, FILES);

        String missing = assertThrows(BadInputException.class,
                () -> SweepMerge.merge(List.of(shards.get(0), shards.get(2)), tmp.resolve("m2"))).getMessage();
        assertTrue(missing.startsWith("merge: 8 of 24 points missing: p0001-"), missing);
        assertTrue(missing.contains("p0004-") && missing.endsWith("finish the shards (imcsim sweep --resume --shard i/N) and merge again"), missing);
        Path copy = tmp.resolve("copy0");
        Files.createDirectories(copy);
        for (String f : FILES) {
            Files.copy(shards.get(0).resolve(f), copy.resolve(f));
        }
        String doubled = assertThrows(BadInputException.class,
                () -> SweepMerge.merge(List.of(shards.get(0), shards.get(1), shards.get(2), copy), tmp.resolve("m3"))).getMessage();
        assertTrue(doubled.startsWith("merge: 8 points doubled: p0000-"), doubled);
        assertTrue(doubled.contains("(" + shards.get(0) + " and " + copy + ")"), doubled);
        assertFalse(Files.exists(tmp.resolve("m3").resolve("results.jsonl")));
    }

    @Test
    void pointsSharingASimulationKeyRunOneSimulation() throws IOException {
        int[] simulations = {0};
        AnalyticJob job = new AnalyticJob();
        PointEvaluator<ReportReuse.Simulated> counting = new PointEvaluator<>() {
            final ReportReuse inner = new ReportReuse(job, c -> List.of("periphery.adc.model", "technology.node"));

            @Override
            public String simulationKey(org.imcsim.config.Config config, org.imcsim.run.RunContext context) {
                return inner.simulationKey(config, context);
            }

            @Override
            public ReportReuse.Simulated simulate(org.imcsim.config.Config config, org.imcsim.run.RunContext context) {
                synchronized (simulations) {
                    simulations[0]++;
                }
                return inner.simulate(config, context);
            }

            @Override
            public org.imcsim.report.Report cost(ReportReuse.Simulated s, org.imcsim.config.Config config, org.imcsim.run.RunContext context) {
                return inner.cost(s, config, context);
            }
        };
        String spec = "grid:\n  crossbar.rows: [64, 128]\n  technology.node: [22nm, 45nm, 65nm]\n  periphery.adc.model: [mlsa, sar]\n";
        SweepRunner.Summary s = run(spec, tmp.resolve("reuse"), counting, 2, null, false);
        assertEquals(12, s.points());
        assertEquals(2, s.groups());
        assertEquals(2, simulations[0]);
        // a reused report equals the report the job gives for that point directly
        Path exact = tmp.resolve("exact");
        run(spec, exact, ReportReuse.exact(new AnalyticJob()), 2, null, false);
        assertSameFiles(tmp.resolve("reuse"), exact, List.of("results.jsonl"));
    }

    static String text(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }
}
