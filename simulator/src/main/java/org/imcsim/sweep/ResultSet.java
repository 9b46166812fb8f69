package org.imcsim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A sweep folder as read for analysis: its manifest, spec, plan and results (sorted by index). Reading
 * never modifies the folder; a torn last line of results.jsonl is ignored.
 */
public record ResultSet(Path dir, SweepFolder.Manifest manifest, SweepSpec spec, List<SweepFolder.PlannedPoint> plan,
                        List<PointResult> results) {

    /** Reads {@code dir}. */
    public static ResultSet read(Path dir) {
        SweepFolder.Manifest m = SweepFolder.readManifest(dir);
        SweepSpec spec = SweepFolder.readSpec(dir);
        List<SweepFolder.PlannedPoint> plan = SweepFolder.readPlan(dir);
        List<PointResult> results;
        try {
            results = new ArrayList<>(ResultLog.recover(dir.resolve(ResultLog.JSONL), false).results().values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        results.sort(Comparator.comparingInt(PointResult::index));
        return new ResultSet(dir, m, spec, plan, List.copyOf(results));
    }

    /** The successful points. */
    public List<PointResult> ok() {
        return results.stream().filter(PointResult::ok).toList();
    }

    /** The failed points. */
    public List<PointResult> failed() {
        return results.stream().filter(r -> !r.ok()).toList();
    }

    /** Swept parameter paths. */
    public List<String> parameterPaths() {
        return spec.parameterPaths();
    }
}
