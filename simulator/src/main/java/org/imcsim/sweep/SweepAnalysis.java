package org.imcsim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imcsim.report.AtomicFiles;

/**
 * The analysis of a sweep folder, written into it: {@code pareto.csv} (the front over the spec's
 * objectives that the results report; results.csv columns), the PNG plots under {@code plots/}, and
 * {@code report.html}. Run at the end of {@code imcsim sweep} and {@code imcsim merge}, and again by
 * {@code imcsim plot DIR}. Reads only the folder.
 */
public final class SweepAnalysis {
    public static final String PARETO = "pareto.csv";
    public static final String HTML = "report.html";
    public static final String PLOTS = "plots";

    /**
     * What was written.
     *
     * @param used    objectives of the front (present in the results)
     * @param skipped objectives no point reports (e.g. energy before the hardware model)
     * @param front   the front points
     * @param plots   plot files written, relative to the folder
     */
    public record Outcome(List<SweepSpec.Objective> used, List<SweepSpec.Objective> skipped, List<PointResult> front, List<Path> plots) {
    }

    private SweepAnalysis() {
    }

    /** Analyses {@code dir} and writes pareto.csv, plots/*.png and report.html (each atomically). */
    public static Outcome write(Path dir) throws IOException {
        ResultSet rs = ResultSet.read(dir);
        List<SweepSpec.Objective> used = Pareto.present(rs.spec().objectives(), rs.ok());
        List<SweepSpec.Objective> skipped = new ArrayList<>(rs.spec().objectives());
        skipped.removeAll(used);
        List<PointResult> front = Pareto.front(rs.ok(), used);
        ResultLog.writeCsv(dir.resolve(PARETO), rs.parameterPaths(), front);
        List<Plots.Png> pngs = Plots.all(rs, used, front);
        Path plotDir = dir.resolve(PLOTS);
        // stale plots of an earlier analysis (e.g. before more points finished) would mislead
        if (Files.isDirectory(plotDir)) {
            try (Stream<Path> s = Files.list(plotDir)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".png")).toList()) {
                    Files.delete(p);
                }
            }
        }
        List<Path> files = new ArrayList<>();
        for (Plots.Png p : pngs) {
            AtomicFiles.write(plotDir.resolve(p.file()), p.bytes());
            files.add(dir.relativize(plotDir.resolve(p.file())));
        }
        AtomicFiles.write(dir.resolve(HTML), HtmlReport.render(rs, used, skipped, front, pngs).getBytes(StandardCharsets.UTF_8));
        return new Outcome(used, skipped, front, files);
    }
}
