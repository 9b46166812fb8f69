package org.imcsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepAnalysisTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path tmp;

    @Test
    void paretoFrontIsTheNonDominatedSet() {
        // with AnalyticJob: energy and area grow with cols and ADC bits, accuracy with ADC bits
        List<SweepSpec.Objective> obj = List.of(new SweepSpec.Objective(Metric.named("energy"), false),
                new SweepSpec.Objective(Metric.named("accuracy"), true));
        List<PointResult> pts = new ArrayList<>();
        double[][] ea = {{1, 0.5}, {2, 0.6}, {2, 0.55}, {3, 0.6}, {0.5, 0.4}, {1, 0.5}};
        for (int i = 0; i < ea.length; i++) {
            var rep = PointResult.JSON.createObjectNode();
            rep.putObject("energy").put("totalPj", ea[i][0]);
            rep.putObject("accuracy").put("top1Mean", ea[i][1]);
            pts.add(new PointResult("p" + i, i, 1, PointResult.JSON.createObjectNode(), true, null, rep));
        }
        List<String> front = Pareto.front(pts, obj).stream().map(PointResult::id).toList();
        // p2 is dominated by p1, p3 by p1; p0 and p5 tie and both stay
        assertEquals(List.of("p0", "p1", "p4", "p5"), front);
        assertEquals(List.of(), Pareto.front(pts, List.of()));
        assertEquals(obj, Pareto.present(List.of(obj.get(0), new SweepSpec.Objective(Metric.named("area"), false), obj.get(1)), pts));
    }

    @Test
    void plotsArePngsAndTheReportIsSelfContained() throws IOException {
        String spec = "description: analysis <test> & co\n"
                + "grid:\n  periphery.adc.bits: [4, 5, 6, 7]\n  crossbar.cols: [64, 128]\n"
                + "  device:\n    choices:\n      rram: {model: rram, cellBits: 2}\n      ideal: {model: ideal, cellBits: 2}\n"
                + "plots:\n  - {x: device, y: energy, series: crossbar.cols}\n  - {x: periphery.adc.bits, y: accuracy}\n";
        Path out = tmp.resolve("a");
        SweepRunnerTest.run(spec, out, ReportReuse.forJob(new AnalyticJob()), 2, null, false);
        SweepAnalysis.Outcome o = SweepAnalysis.write(out);
        assertEquals(3, o.used().size());
        assertFalse(o.front().isEmpty());
        List<String> names = o.plots().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("pareto-energy-accuracy.png", "pareto-energy-area.png", "pareto-accuracy-area.png",
                "energy-breakdown.png", "area-breakdown.png", "energy-vs-device-by-crossbar-cols.png",
                "accuracy-vs-periphery-adc-bits.png"), names);
        for (Path p : o.plots()) {
            byte[] b = Files.readAllBytes(out.resolve(p));
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(b, 8), p.toString());
            // IHDR: width and height, big-endian, at bytes 16..23
            ByteBuffer ihdr = ByteBuffer.wrap(b, 16, 8);
            assertEquals(Plots.WIDTH, ihdr.getInt(), p.toString());
            assertEquals(Plots.HEIGHT, ihdr.getInt(), p.toString());
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>analysis &lt;test&gt; &amp; co</title>"));
        // every src/href is an embedded data URI: the page opens offline
        Matcher m = Pattern.compile("(?i)(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            assertTrue(m.group(2).startsWith("data:image/png;base64,"), m.group());
            images++;
        }
        assertEquals(names.size(), images);
        assertFalse(Pattern.compile("(?i)(https?:|//[a-z]|@import|url\\()").matcher(html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", ""))
                .find(), "no external reference");
        assertFalse(html.contains("<script"));
        // pareto.csv: results.csv columns, the front's rows
        List<List<String>> pareto = Csv.parse(Files.readString(out.resolve("pareto.csv")));
        assertEquals(Csv.parse(Files.readString(out.resolve("results.csv"))).get(0), pareto.get(0));
        assertEquals(o.front().size() + 1, pareto.size());
        // plot redoes it and removes stale plots
        Files.write(out.resolve("plots/old.png"), PNG_SIGNATURE);
        SweepAnalysis.write(out);
        assertFalse(Files.exists(out.resolve("plots/old.png")));
    }

    @Test
    void absentMetricsAreSkippedNotFatal() throws IOException {
        Path out = tmp.resolve("b");
        // the config report job reports no metric at all
        SweepRunnerTest.run("grid:\n  periphery.adc.bits: [4, 5]\n", out, ReportReuse.forJob(new org.imcsim.run.ConfigReportJob()), 1, null, false);
        SweepAnalysis.Outcome o = SweepAnalysis.write(out);
        assertEquals(List.of(), o.used());
        assertEquals(3, o.skipped().size());
        assertEquals(List.of(), o.plots());
        assertEquals(1, Csv.parse(Files.readString(out.resolve("pareto.csv"))).size());
        assertTrue(Files.readString(out.resolve("report.html")).contains("No front: no objective is present"));
    }
}
