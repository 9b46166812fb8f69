package org.imcsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imcsim.config.BadInputException;

/**
 * A parsed, checked sweep spec (YAML). Every problem is one {@link BadInputException} naming
 * {@code file:line} and the field. The layout (docs/sweeps.md has the full reference):
 *
 * <pre>
 * description: ADC bits x cell bits
 * seed: 1                  # sweep seed (default: the base config's simulation.seed)
 * seeds: common            # common: every point runs with the sweep seed; per-point: derived from (seed, point)
 * metrics:                 # absent: as the base config says
 *   accuracy: true         # false: hardware only (workload.dataset dropped)
 *   images: 200            # with accuracy: simulation.images and simulation.chips for every point
 *   chips: 3
 * set:                     # fixed overrides for every point, like --set
 *   mapping.weightBits: 8
 * grid:                    # cartesian product, first axis slowest
 *   periphery.adc.bits: {start: 3, stop: 8, step: 1}
 *   device.cellBits: [1, 2, 4]
 * zip:                     # each group is one axis whose lists advance together
 *   - crossbar.rows: [64, 128, 256]
 *     crossbar.cols: [64, 128, 256]
 * sample:                  # N points drawn once and crossed with the grid
 *   method: lhs            # or random
 *   points: 20
 *   seed: 7
 *   parameters:
 *     device.programmingSigma: {min: 0.0, max: 0.1}
 * constraints:             # points where any is false are skipped
 *   - periphery.adc.bits >= device.cellBits + 1
 * objectives:              # Pareto front (default: energy min, accuracy max, area min)
 *   energy: min
 *   accuracy: max
 * plots:
 *   - {x: periphery.adc.bits, y: accuracy, series: device.cellBits}
 * </pre>
 */
public final class SweepSpec {
    static final Set<String> TOP_KEYS = Set.of("description", "seed", "seeds", "metrics", "set", "grid", "zip", "sample",
            "constraints", "objectives", "plots");

    /** How each point's {@code simulation.seed} is chosen. */
    public enum SeedMode {
        /** Every point runs with the sweep seed (common random numbers: differences come from the design). */
        COMMON,
        /** Each point's seed is derived from (sweep seed, the hash of its parameters). */
        PER_POINT
    }

    /** What each point computes. */
    public enum MetricsMode {
        /** As the base config says (accuracy when it names a dataset). */
        AS_CONFIGURED,
        /** Hardware only: {@code workload.dataset} is dropped. */
        HARDWARE,
        /** Hardware and accuracy (the base config must name a dataset). */
        HARDWARE_AND_ACCURACY
    }

    /** One axis of the grid: one parameter (grid) or several advancing together (zip). */
    public record Axis(List<String> paths, List<List<Setting>> rows, List<String> where) {
        public Axis {
            paths = List.copyOf(paths);
            rows = List.copyOf(rows);
            where = List.copyOf(where);
        }

        /** Number of values along the axis. */
        public int size() {
            return rows.size();
        }
    }

    /** The sampling part: {@code points} draws of the parameters, by {@code method}. */
    public record Sampling(Method method, int points, long seed, Map<String, Values.Domain> domains, Map<String, String> where) {
        /** Sampling method. */
        public enum Method {
            /** Independent uniform draws. */
            RANDOM,
            /** Latin hypercube: each parameter's range cut into {@code points} strata, each used once. */
            LHS
        }
    }

    /** A constraint expression with where it was written. */
    public record Constraint(Expression expression, String where) {
    }

    /** A fixed override with where it was written. */
    public record Fixed(String path, JsonNode value, String where) {
    }

    /** A Pareto objective. */
    public record Objective(Metric metric, boolean maximize) {
        @Override
        public String toString() {
            return metric.name() + (maximize ? " (max)" : " (min)");
        }
    }

    /** A metric-vs-parameter plot; {@code series} may be null. */
    public record PlotSpec(String x, Metric y, String series, Boolean logX) {
    }

    private final String sourceName;
    private final String text;
    private final String description;
    private final Long seed;
    private final SeedMode seedMode;
    private final MetricsMode metricsMode;
    private final Integer images;
    private final Integer chips;
    private final List<Fixed> fixed;
    private final List<Axis> axes;
    private final Sampling sampling;
    private final List<Constraint> constraints;
    private final List<Objective> objectives;
    private final boolean objectivesGiven;
    private final List<PlotSpec> plots;

    private SweepSpec(Builder b) {
        this.sourceName = b.sourceName;
        this.text = b.text;
        this.description = b.description;
        this.seed = b.seed;
        this.seedMode = b.seedMode;
        this.metricsMode = b.metricsMode;
        this.images = b.images;
        this.chips = b.chips;
        this.fixed = List.copyOf(b.fixed);
        this.axes = List.copyOf(b.axes);
        this.sampling = b.sampling;
        this.constraints = List.copyOf(b.constraints);
        this.objectives = List.copyOf(b.objectives);
        this.objectivesGiven = b.objectivesGiven;
        this.plots = List.copyOf(b.plots);
    }

    /** Reads a sweep file; {@code name} is how errors name it (the path as the user typed it). */
    public static SweepSpec read(Path file, String name) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, null, "no such file", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, null, "is not UTF-8 text; expected a YAML sweep spec", e);
        } catch (IOException e) {
            throw new BadInputException(name, null, "cannot read: " + e.getMessage(), e);
        }
        return parse(text, name);
    }

    /** Parses spec text; {@code sourceName} names it in errors. */
    public static SweepSpec parse(String text, String sourceName) {
        SpecTree t = SpecTree.parse(text, sourceName);
        JsonNode root = t.root();
        Values.only(t, root, "", TOP_KEYS);
        Builder b = new Builder();
        b.sourceName = sourceName;
        b.text = text;
        JsonNode d = root.get("description");
        if (d != null) {
            if (!d.isTextual()) {
                throw t.error("description", "expected text");
            }
            b.description = d.textValue();
        }
        JsonNode s = root.get("seed");
        if (s != null) {
            if (!s.isIntegralNumber() || s.longValue() < 0 || !s.canConvertToLong()) {
                throw t.error("seed", "expected an integer >= 0, got " + s);
            }
            b.seed = s.longValue();
        }
        JsonNode sm = root.get("seeds");
        if (sm != null) {
            if (sm.isTextual() && sm.textValue().equals("common")) {
                b.seedMode = SeedMode.COMMON;
            } else if (sm.isTextual() && sm.textValue().equals("per-point")) {
                b.seedMode = SeedMode.PER_POINT;
            } else {
                throw t.error("seeds", "expected common or per-point, got " + sm);
            }
        }
        metrics(t, root.get("metrics"), b);
        JsonNode set = root.get("set");
        if (set != null) {
            if (!set.isObject()) {
                throw t.error("set", "expected a mapping of config paths to values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = "set." + e.getKey();
                if (e.getValue().isNull() || e.getValue().isArray()) {
                    throw t.error(p, "expected a single value or a section mapping");
                }
                b.fixed.add(new Fixed(e.getKey(), e.getValue(), t.where(p)));
            }
        }
        JsonNode grid = root.get("grid");
        if (grid != null) {
            if (!grid.isObject()) {
                throw t.error("grid", "expected a mapping of config paths to value lists or ranges");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = "grid." + e.getKey();
                List<Setting> vals = Values.list(t, e.getValue(), p);
                List<List<Setting>> rows = new ArrayList<>();
                for (Setting v : vals) {
                    rows.add(List.of(v));
                }
                b.axes.add(new Axis(List.of(e.getKey()), rows, List.of(t.where(p))));
            }
        }
        JsonNode zip = root.get("zip");
        if (zip != null) {
            if (!zip.isArray()) {
                throw t.error("zip", "expected a list of groups, each a mapping of config paths to equally long lists");
            }
            int gi = 0;
            for (JsonNode g : zip) {
                String gp = "zip[" + gi++ + "]";
                if (!g.isObject() || g.isEmpty()) {
                    throw t.error(gp, "expected a mapping of config paths to equally long lists");
                }
                List<String> paths = new ArrayList<>();
                List<String> where = new ArrayList<>();
                List<List<Setting>> cols = new ArrayList<>();
                int n = -1;
                String first = null;
                for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = gp + "." + e.getKey();
                    List<Setting> vals = Values.list(t, e.getValue(), p);
                    if (n >= 0 && vals.size() != n) {
                        throw t.error(p, "has " + vals.size() + " values but " + first + " has " + n
                                + "; zipped lists must be equally long");
                    }
                    n = vals.size();
                    first = e.getKey();
                    paths.add(e.getKey());
                    where.add(t.where(p));
                    cols.add(vals);
                }
                List<List<Setting>> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    List<Setting> row = new ArrayList<>();
                    for (List<Setting> c : cols) {
                        row.add(c.get(i));
                    }
                    rows.add(row);
                }
                b.axes.add(new Axis(paths, rows, where));
            }
        }
        b.sampling = sampling(t, root.get("sample"));
        checkDistinct(t, b);
        JsonNode cs = root.get("constraints");
        if (cs != null) {
            List<JsonNode> list = new ArrayList<>();
            if (cs.isArray()) {
                cs.forEach(list::add);
            } else {
                list.add(cs);
            }
            for (int i = 0; i < list.size(); i++) {
                String p = cs.isArray() ? "constraints[" + i + "]" : "constraints";
                JsonNode c = list.get(i);
                if (!c.isTextual()) {
                    throw t.error(p, "expected an expression as text, e.g. \"periphery.adc.bits >= device.cellBits\"");
                }
                try {
                    b.constraints.add(new Constraint(Expression.parse(c.textValue()), t.where(p)));
                } catch (Expression.ExpressionException e) {
                    throw t.error(p, e.getMessage());
                }
            }
        }
        objectives(t, root.get("objectives"), b);
        plots(t, root.get("plots"), b);
        if (b.axes.isEmpty() && b.sampling == null) {
            throw new BadInputException(sourceName, null, "sweeps nothing; give grid:, zip: or sample:");
        }
        return new SweepSpec(b);
    }

    private static void metrics(SpecTree t, JsonNode m, Builder b) {
        if (m == null) {
            return;
        }
        if (!m.isObject()) {
            throw t.error("metrics", "expected a mapping: {accuracy: false} (hardware only) or {accuracy: true, images: N, chips: K}");
        }
        Values.only(t, m, "metrics", Set.of("accuracy", "images", "chips"));
        JsonNode a = m.get("accuracy");
        if (a == null || !a.isBoolean()) {
            throw t.error("metrics.accuracy", "expected true (hardware and accuracy) or false (hardware only)");
        }
        b.metricsMode = a.booleanValue() ? MetricsMode.HARDWARE_AND_ACCURACY : MetricsMode.HARDWARE;
        for (String k : List.of("images", "chips")) {
            JsonNode v = m.get(k);
            if (v == null) {
                continue;
            }
            if (!a.booleanValue()) {
                throw t.error("metrics." + k, "only with accuracy: true");
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
                throw t.error("metrics." + k, "expected an integer >= 1, got " + v);
            }
            if (k.equals("images")) {
                b.images = v.intValue();
            } else {
                b.chips = v.intValue();
            }
        }
    }

    private static Sampling sampling(SpecTree t, JsonNode s) {
        if (s == null) {
            return null;
        }
        if (!s.isObject()) {
            throw t.error("sample", "expected a mapping with method, points, seed and parameters");
        }
        Values.only(t, s, "sample", Set.of("method", "points", "seed", "parameters"));
        JsonNode m = Values.required(t, s, "method", "sample");
        Sampling.Method method;
        if (m.isTextual() && m.textValue().equals("random")) {
            method = Sampling.Method.RANDOM;
        } else if (m.isTextual() && (m.textValue().equals("lhs") || m.textValue().equals("latin-hypercube"))) {
            method = Sampling.Method.LHS;
        } else {
            throw t.error("sample.method", "expected random or lhs, got " + m);
        }
        JsonNode n = Values.required(t, s, "points", "sample");
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1 || n.intValue() > Values.MAX_VALUES) {
            throw t.error("sample.points", "expected an integer 1.." + Values.MAX_VALUES + ", got " + n);
        }
        long seed = 1;
        JsonNode sd = s.get("seed");
        if (sd != null) {
            if (!sd.isIntegralNumber() || !sd.canConvertToLong() || sd.longValue() < 0) {
                throw t.error("sample.seed", "expected an integer >= 0, got " + sd);
            }
            seed = sd.longValue();
        }
        JsonNode ps = Values.required(t, s, "parameters", "sample");
        if (!ps.isObject() || ps.isEmpty()) {
            throw t.error("sample.parameters", "expected a mapping of config paths to lists or {min, max} intervals");
        }
        Map<String, Values.Domain> domains = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "sample.parameters." + e.getKey();
            domains.put(e.getKey(), Values.domain(t, e.getValue(), p));
            where.put(e.getKey(), t.where(p));
        }
        return new Sampling(method, n.intValue(), seed, Collections.unmodifiableMap(domains), Collections.unmodifiableMap(where));
    }

    /**
     * A path is set once: swept paths may not overlap each other (one inside another), nor fixed ones
     * each other; a fixed section may hold a swept key ({@code set: {device: ...}} with
     * {@code device.driftCompensation} swept: the fixed value is applied first), but a fixed key inside a
     * swept section would be overwritten by it and is an error.
     */
    private static void checkDistinct(SpecTree t, Builder b) {
        List<String[]> fixed = new ArrayList<>();
        for (Fixed f : b.fixed) {
            fixed.add(new String[] {f.path(), f.where()});
        }
        List<String[]> swept = new ArrayList<>();
        for (Axis a : b.axes) {
            for (int i = 0; i < a.paths().size(); i++) {
                swept.add(new String[] {a.paths().get(i), a.where().get(i)});
            }
        }
        if (b.sampling != null) {
            b.sampling.where().forEach((p, w) -> swept.add(new String[] {p, w}));
        }
        overlaps(fixed, fixed, true);
        overlaps(swept, swept, true);
        overlaps(swept, fixed, false);
    }

    private static void overlaps(List<String[]> later, List<String[]> earlier, boolean same) {
        for (int i = 0; i < later.size(); i++) {
            String p = later.get(i)[0];
            for (int j = 0; j < (same ? i : earlier.size()); j++) {
                String q = earlier.get(j)[0];
                boolean clash = same ? q.equals(p) || p.startsWith(q + ".") || q.startsWith(p + ".")
                        : q.equals(p) || q.startsWith(p + ".");
                if (clash) {
                    throw new BadInputException(later.get(i)[1], p, q.equals(p) ? "is set twice (also at " + earlier.get(j)[1] + ")"
                            : "overlaps " + q + " (at " + earlier.get(j)[1] + ")" + (same ? "; a path may be set once"
                            : ", which this swept section would overwrite"));
                }
            }
        }
    }

    private static void objectives(SpecTree t, JsonNode o, Builder b) {
        if (o == null) {
            b.objectives.add(new Objective(Metric.named("energy"), false));
            b.objectives.add(new Objective(Metric.named("accuracy"), true));
            b.objectives.add(new Objective(Metric.named("area"), false));
            return;
        }
        if (!o.isObject() || o.isEmpty()) {
            throw t.error("objectives", "expected a mapping of metrics to min or max, e.g. {energy: min, accuracy: max}");
        }
        b.objectivesGiven = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "objectives." + e.getKey();
            Metric m = metric(t, e.getKey(), p);
            JsonNode g = e.getValue();
            if (!g.isTextual() || !(g.textValue().equals("min") || g.textValue().equals("max"))) {
                throw t.error(p, "expected min or max, got " + g);
            }
            b.objectives.add(new Objective(m, g.textValue().equals("max")));
        }
    }

    private static Metric metric(SpecTree t, String name, String path) {
        Metric m = Metric.named(name);
        if (m == null) {
            throw t.error(path, "unknown metric \"" + name + "\"" + org.imcsim.config.Suggest.hint(name, Metric.names())
                    + "; expected one of " + String.join(", ", Metric.names()) + " or a report path like mapping.crossbars");
        }
        return m;
    }

    private static void plots(SpecTree t, JsonNode p, Builder b) {
        if (p == null) {
            return;
        }
        if (!p.isArray()) {
            throw t.error("plots", "expected a list of {x: PARAMETER, y: METRIC, series: PARAMETER}");
        }
        Set<String> swept = new java.util.HashSet<>();
        for (Axis a : b.axes) {
            swept.addAll(a.paths());
        }
        if (b.sampling != null) {
            swept.addAll(b.sampling.domains().keySet());
        }
        int i = 0;
        for (JsonNode e : p) {
            String at = "plots[" + i++ + "]";
            if (!e.isObject()) {
                throw t.error(at, "expected {x: PARAMETER, y: METRIC, series: PARAMETER}");
            }
            Values.only(t, e, at, Set.of("x", "y", "series", "logX"));
            JsonNode x = Values.required(t, e, "x", at);
            JsonNode y = Values.required(t, e, "y", at);
            JsonNode s = e.get("series");
            for (JsonNode n : new JsonNode[] {x, s}) {
                if (n != null && (!n.isTextual() || !swept.contains(n.textValue()))) {
                    throw t.error(at + (n == x ? ".x" : ".series"), "expected a swept parameter, one of "
                            + String.join(", ", new java.util.TreeSet<>(swept)) + "; got " + n);
                }
            }
            if (!y.isTextual()) {
                throw t.error(at + ".y", "expected a metric name");
            }
            JsonNode lx = e.get("logX");
            if (lx != null && !lx.isBoolean()) {
                throw t.error(at + ".logX", "expected true or false");
            }
            b.plots.add(new PlotSpec(x.textValue(), metric(t, y.textValue(), at + ".y"), s == null ? null : s.textValue(),
                    lx == null ? null : lx.booleanValue()));
        }
    }

    private static final class Builder {
        String sourceName;
        String text;
        String description;
        Long seed;
        SeedMode seedMode = SeedMode.COMMON;
        MetricsMode metricsMode = MetricsMode.AS_CONFIGURED;
        Integer images;
        Integer chips;
        final List<Fixed> fixed = new ArrayList<>();
        final List<Axis> axes = new ArrayList<>();
        Sampling sampling;
        final List<Constraint> constraints = new ArrayList<>();
        final List<Objective> objectives = new ArrayList<>();
        boolean objectivesGiven;
        final List<PlotSpec> plots = new ArrayList<>();
    }

    /** How errors name the spec. */
    public String sourceName() {
        return sourceName;
    }

    /** The spec text as read. */
    public String text() {
        return text;
    }

    /** The description, or null. */
    public String description() {
        return description;
    }

    /** The sweep seed, or null (then the base config's simulation.seed). */
    public Long seed() {
        return seed;
    }

    public SeedMode seedMode() {
        return seedMode;
    }

    public MetricsMode metricsMode() {
        return metricsMode;
    }

    /** simulation.images for every point, or null. */
    public Integer images() {
        return images;
    }

    /** simulation.chips for every point, or null. */
    public Integer chips() {
        return chips;
    }

    public List<Fixed> fixed() {
        return fixed;
    }

    public List<Axis> axes() {
        return axes;
    }

    /** The sampling part, or null. */
    public Sampling sampling() {
        return sampling;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    /** The Pareto objectives (the defaults when none were given). */
    public List<Objective> objectives() {
        return objectives;
    }

    /** True when the spec named its objectives (else the defaults, of which absent metrics are skipped). */
    public boolean objectivesGiven() {
        return objectivesGiven;
    }

    public List<PlotSpec> plots() {
        return plots;
    }

    /** The swept parameter paths in point order: grid and zip axes, then sampled parameters. */
    public List<String> parameterPaths() {
        List<String> out = new ArrayList<>();
        for (Axis a : axes) {
            out.addAll(a.paths());
        }
        if (sampling != null) {
            out.addAll(sampling.domains().keySet());
        }
        return out;
    }
}
