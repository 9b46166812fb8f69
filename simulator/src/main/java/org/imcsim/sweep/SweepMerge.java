package org.imcsim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imcsim.config.BadInputException;
import org.imcsim.report.AtomicFiles;

/**
 * Combines the folders of one sweep (shards, or partial runs) into one folder, checking that they hold
 * the same sweep (spec, base config and plan) and that every planned point is present exactly once.
 * The merged files are sorted by point index, so they equal those of a single unsharded run.
 */
public final class SweepMerge {
    /** Most ids listed in a missing/doubled error before "and N more". */
    static final int MAX_LISTED = 20;

    /** What was merged: the number of points and how many failed. */
    public record Outcome(int points, int failed) {
    }

    private SweepMerge() {
    }

    /** Merges {@code inputs} into {@code out} (which must be new or empty). */
    public static Outcome merge(List<Path> inputs, Path out) throws IOException {
        if (inputs.isEmpty()) {
            throw new BadInputException("merge", null, "give at least one sweep folder");
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || !SweepFolder.isEmptyDir(out))) {
            throw new BadInputException("--out", null, out + " exists and is not an empty folder; choose a new one");
        }
        Path first = inputs.get(0);
        SweepFolder.Manifest m0 = SweepFolder.readManifest(first);
        String plan0 = Files.readString(first.resolve(SweepFolder.PLAN));
        for (Path d : inputs) {
            SweepFolder.Manifest m = SweepFolder.readManifest(d);
            if (!m.specSha256().equals(m0.specSha256()) || !m.baseSha256().equals(m0.baseSha256())) {
                throw new BadInputException(d.toString(), null, "holds a different sweep than " + first
                        + " (spec or base config differ); merge only folders of one sweep");
            }
            if (!Files.readString(d.resolve(SweepFolder.PLAN)).equals(plan0)) {
                throw new BadInputException(d.toString(), null, "has a different point plan than " + first
                        + " (another imcsim version or device models?); rerun it");
            }
        }
        List<SweepFolder.PlannedPoint> plan = SweepFolder.readPlan(first);
        Map<String, SweepFolder.PlannedPoint> byId = new LinkedHashMap<>();
        for (SweepFolder.PlannedPoint p : plan) {
            byId.put(p.id(), p);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        Map<String, PointResult> results = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        List<String> doubled = new ArrayList<>();
        for (Path d : inputs) {
            ResultLog.Recovered r = ResultLog.recover(d.resolve(ResultLog.JSONL), false);
            for (Map.Entry<String, PointResult> e : r.results().entrySet()) {
                String id = e.getKey();
                if (!byId.containsKey(id)) {
                    throw new BadInputException(d.resolve(ResultLog.JSONL).toString(), null, "holds point " + id
                            + ", which is not in the plan");
                }
                if (results.containsKey(id)) {
                    doubled.add(id + " (" + from.get(id) + " and " + d + ")");
                    continue;
                }
                results.put(id, e.getValue());
                lines.put(id, r.lines().get(id));
                from.put(id, d);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String id : byId.keySet()) {
            if (!results.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty() || !doubled.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add(missing.size() + " of " + plan.size() + " points missing: " + list(missing));
            }
            if (!doubled.isEmpty()) {
                parts.add(doubled.size() + " points doubled: " + list(doubled));
            }
            throw new BadInputException("merge", null, String.join("; ", parts)
                    + (missing.isEmpty() ? "" : "; finish the shards (imcsim sweep --resume --shard i/N) and merge again"));
        }
        Files.createDirectories(out);
        SweepFolder.writeHeader(out, Files.readString(first.resolve(SweepFolder.SPEC)), Files.readString(first.resolve(SweepFolder.BASE)),
                plan0, m0.unsharded());
        List<PointResult> sorted = new ArrayList<>(results.values());
        sorted.sort(Comparator.comparingInt(PointResult::index));
        StringBuilder sb = new StringBuilder();
        int failed = 0;
        for (PointResult r : sorted) {
            sb.append(lines.get(r.id())).append('\n');
            failed += r.ok() ? 0 : 1;
        }
        AtomicFiles.write(out.resolve(ResultLog.JSONL), sb.toString().getBytes(StandardCharsets.UTF_8));
        ResultLog.writeCsv(out.resolve(ResultLog.CSV), SweepFolder.readSpec(out).parameterPaths(), sorted);
        return new Outcome(sorted.size(), failed);
    }

    private static String list(List<String> ids) {
        if (ids.size() <= MAX_LISTED) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, MAX_LISTED)) + " and " + (ids.size() - MAX_LISTED) + " more";
    }
}
