package org.imcsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.imcsim.config.BadInputException;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.config.WorkloadConfig;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.engine.RandomStreams;
import org.imcsim.run.RunContext;

/**
 * A sweep spec expanded against a base config: the ordered list of design points (grid axes in spec
 * order, first axis slowest; then zip groups; then the sampled points innermost; points failing a
 * constraint removed), each with a stable id and seed, and the config document of each point.
 * Expansion is pure: the same spec and base give the same points, ids and seeds everywhere.
 */
public final class SweepPlan {
    /** Most points before constraints (a guard against an accidental product of long lists). */
    public static final long MAX_POINTS = 1_000_000;
    /** Seeds are kept below 2^53 so they survive JSON readers that use doubles. */
    static final long SEED_MASK = (1L << 53) - 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SweepSpec spec;
    private final ConfigDocument base;
    private final DeviceModels registry;
    private final boolean setSeed;
    private final List<SweepPoint> points;
    private final long combinations;
    private final Map<String, String> whereOf;

    private SweepPlan(SweepSpec spec, ConfigDocument base, DeviceModels registry, boolean setSeed,
                      List<SweepPoint> points, long combinations, Map<String, String> whereOf) {
        this.spec = spec;
        this.base = base;
        this.registry = registry;
        this.setSeed = setSeed;
        this.points = List.copyOf(points);
        this.combinations = combinations;
        this.whereOf = whereOf;
    }

    /**
     * Expands {@code spec} over {@code base}. Bad parameter paths, a spec that needs a dataset the base
     * lacks, and constraints that do not evaluate are {@link BadInputException}s; a point whose config
     * does not validate is not an error here (it is recorded as a failed point when it runs).
     */
    public static SweepPlan expand(SweepSpec spec, ConfigDocument base, DeviceModels registry) {
        Config baseConfig = base.bind(registry);
        ConfigDocument doc = base;
        switch (spec.metricsMode()) {
            case HARDWARE -> {
                if (baseConfig.workload().dataset() != null) {
                    doc = ConfigDocument.of(withoutDataset(baseConfig), base.sourceName(), base.baseDirectory());
                    baseConfig = doc.bind(registry);
                }
            }
            case HARDWARE_AND_ACCURACY -> {
                if (baseConfig.workload().dataset() == null) {
                    throw new BadInputException(spec.sourceName(), "metrics.accuracy", "the base config (" + base.sourceName()
                            + ") names no workload.dataset; give one there or use accuracy: false");
                }
            }
            default -> {
            }
        }
        Map<String, String> whereOf = new LinkedHashMap<>();
        List<String> paths = spec.parameterPaths();
        // path typos, and values of the wrong type, unit or choice or outside a key's documented range, are
        // spec errors, found before anything runs; rules between keys are checked per point
        for (SweepSpec.Fixed f : spec.fixed()) {
            doc.with(f.path(), f.value(), f.where());
            ConfigDocument.checkValue(f.path(), f.value(), f.where());
        }
        for (SweepSpec.Axis a : spec.axes()) {
            for (int i = 0; i < a.paths().size(); i++) {
                whereOf.put(a.paths().get(i), a.where().get(i));
                doc.with(a.paths().get(i), a.rows().get(0).get(i).value(), a.where().get(i));
                for (List<Setting> row : a.rows()) {
                    ConfigDocument.checkValue(a.paths().get(i), row.get(i).value(), a.where().get(i));
                }
            }
        }
        if (spec.sampling() != null) {
            for (Map.Entry<String, Values.Domain> e : spec.sampling().domains().entrySet()) {
                String w = spec.sampling().where().get(e.getKey());
                whereOf.put(e.getKey(), w);
                JsonNode probe = e.getValue() instanceof Values.Discrete d ? d.settings().get(0).value() : NODES.numberNode(0);
                doc.with(e.getKey(), probe, w);
                if (e.getValue() instanceof Values.Discrete d) {
                    for (Setting s : d.settings()) {
                        ConfigDocument.checkValue(e.getKey(), s.value(), w);
                    }
                }
            }
        }
        long sweepSeed = spec.seed() != null ? spec.seed() : baseConfig.simulation().seed();
        Long seedOverride = spec.seedMode() == SweepSpec.SeedMode.COMMON ? spec.seed() : null;

        List<Map<String, Setting>> samples = samples(spec.sampling());
        long combos = samples.size();
        for (SweepSpec.Axis a : spec.axes()) {
            combos *= a.size();
            if (combos > MAX_POINTS) {
                throw new BadInputException(spec.sourceName(), null, "expands to more than " + MAX_POINTS
                        + " points; split the sweep or use sample:");
            }
        }
        Lookup lookup = new Lookup(spec, doc, baseConfig, registry);
        List<Map<String, Setting>> kept = new ArrayList<>();
        int axes = spec.axes().size();
        int[] at = new int[axes];
        for (long c = 0; c < combos / samples.size(); c++) {
            Map<String, Setting> grid = new LinkedHashMap<>();
            for (int k = 0; k < axes; k++) {
                SweepSpec.Axis a = spec.axes().get(k);
                for (int i = 0; i < a.paths().size(); i++) {
                    grid.put(a.paths().get(i), a.rows().get(at[k]).get(i));
                }
            }
            for (Map<String, Setting> s : samples) {
                Map<String, Setting> point = new LinkedHashMap<>(grid);
                point.putAll(s);
                if (lookup.accepts(point)) {
                    kept.add(point);
                }
            }
            for (int k = axes - 1; k >= 0; k--) {
                if (++at[k] < spec.axes().get(k).size()) {
                    break;
                }
                at[k] = 0;
            }
        }
        int width = Math.max(4, Integer.toString(Math.max(0, kept.size() - 1)).length());
        List<SweepPoint> points = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Map<String, Setting> s = kept.get(i);
            SweepPoint probe = new SweepPoint(i, "", s, 0);
            String canonical = probe.parametersJson().toString();
            String hash = Hashing.sha256(canonical).substring(0, 8);
            long seed = spec.seedMode() == SweepSpec.SeedMode.PER_POINT
                    ? RandomStreams.seedFor(sweepSeed, "sweep.point:" + canonical) & SEED_MASK
                    : seedOverride != null ? seedOverride : baseConfig.simulation().seed();
            String id = "p" + String.format(java.util.Locale.ROOT, "%0" + width + "d", i) + "-" + hash;
            points.add(new SweepPoint(i, id, s, seed));
        }
        boolean setSeed = spec.seedMode() == SweepSpec.SeedMode.PER_POINT || seedOverride != null;
        return new SweepPlan(spec, doc, registry, setSeed, points, combos, whereOf);
    }

    /** The sampled parameter sets (one empty set when the spec does not sample). */
    static List<Map<String, Setting>> samples(SweepSpec.Sampling s) {
        List<Map<String, Setting>> out = new ArrayList<>();
        if (s == null) {
            out.add(Map.of());
            return out;
        }
        int n = s.points();
        Map<String, Setting[]> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Values.Domain> e : s.domains().entrySet()) {
            // one stream per parameter, so adding a parameter does not change the others' draws
            RandomGenerator rng = RandomStreams.derive(s.seed(), "sweep.sample." + e.getKey());
            double[] u = new double[n];
            if (s.method() == SweepSpec.Sampling.Method.LHS) {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                for (int i = 0; i < n; i++) {
                    u[i] = (perm[i] + rng.nextDouble()) / n;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    u[i] = rng.nextDouble();
                }
            }
            Setting[] col = new Setting[n];
            for (int i = 0; i < n; i++) {
                double ui = Math.min(u[i], Math.nextDown(1.0));
                if (e.getValue() instanceof Values.Discrete d) {
                    col[i] = d.settings().get((int) Math.floor(ui * d.settings().size()));
                } else {
                    col[i] = ((Values.Continuous) e.getValue()).at(ui);
                }
            }
            columns.put(e.getKey(), col);
        }
        for (int i = 0; i < n; i++) {
            Map<String, Setting> m = new LinkedHashMap<>();
            for (Map.Entry<String, Setting[]> c : columns.entrySet()) {
                m.put(c.getKey(), c.getValue()[i]);
            }
            out.add(m);
        }
        return out;
    }

    /** Resolves constraint names: the point's parameters, then the spec's set:, then the base config with defaults. */
    private static final class Lookup {
        private final SweepSpec spec;
        private final Map<String, JsonNode> fixed = new HashMap<>();
        private final ObjectNode baseTree;

        Lookup(SweepSpec spec, ConfigDocument doc, Config baseConfig, DeviceModels registry) {
            this.spec = spec;
            for (SweepSpec.Fixed f : spec.fixed()) {
                fixed.put(f.path(), f.value());
            }
            baseTree = ConfigDocument.resolvedTreeOf(baseConfig, registry);
            ObjectNode dev = (ObjectNode) baseTree.get("device");
            baseConfig.device().resolvedParameters(registry).forEach((k, v) -> {
                if (!dev.has(k)) {
                    dev.put(k, v);
                }
            });
            if (spec.images() != null) {
                ((ObjectNode) baseTree.get("simulation")).put("images", spec.images());
            }
            if (spec.chips() != null) {
                ((ObjectNode) baseTree.get("simulation")).put("chips", spec.chips());
            }
        }

        boolean accepts(Map<String, Setting> point) {
            for (SweepSpec.Constraint c : spec.constraints()) {
                try {
                    if (!c.expression().test(name -> value(point, name))) {
                        return false;
                    }
                } catch (Expression.ExpressionException e) {
                    throw new BadInputException(c.where(), "constraints", e.getMessage() + " (\"" + c.expression()
                            + "\" at " + describe(point) + ")");
                }
            }
            return true;
        }

        private static String describe(Map<String, Setting> point) {
            List<String> parts = new ArrayList<>();
            point.forEach((p, s) -> parts.add(p + "=" + s.display()));
            return parts.isEmpty() ? "the base config" : String.join(", ", parts);
        }

        private Expression.Value value(Map<String, Setting> point, String name) {
            Setting s = point.get(name);
            if (s != null) {
                return s.expressionValue();
            }
            // a name inside a swept or fixed section value (e.g. device.model when device: is a choice)
            for (Map.Entry<String, Setting> e : point.entrySet()) {
                if (name.startsWith(e.getKey() + ".")) {
                    return inside(e.getValue().value(), name.substring(e.getKey().length() + 1), name);
                }
            }
            JsonNode f = fixed.get(name);
            if (f != null) {
                return Setting.toValue(f);
            }
            for (Map.Entry<String, JsonNode> e : fixed.entrySet()) {
                if (name.startsWith(e.getKey() + ".")) {
                    return inside(e.getValue(), name.substring(e.getKey().length() + 1), name);
                }
            }
            return inside(baseTree, name, name);
        }

        private static Expression.Value inside(JsonNode node, String rest, String name) {
            JsonNode n = node;
            for (String seg : rest.split("\\.")) {
                n = n == null ? null : n.get(seg);
            }
            Expression.Value v = Setting.toValue(n);
            if (v == null) {
                throw new Expression.ExpressionException("unknown name " + name + " (not a swept parameter, not in set:, "
                        + "not a value of the base config)");
            }
            return v;
        }
    }

    private static Config withoutDataset(Config c) {
        WorkloadConfig w = c.workload();
        return new Config(c.description(), c.technology(), c.device(), c.crossbar(), c.periphery(), c.mapping(), c.chip(),
                new WorkloadConfig(w.network(), null, w.sparsity(), w.sparsityType(), w.zeroPadding()), c.simulation());
    }

    /**
     * The config document of {@code point}: the base, then the seed policy, the metrics' images and chips,
     * the spec's {@code set:}, the point's parameters (each naming its spec line as its source), and
     * {@code simulation.threads=1} (the sweep runs points in parallel; the thread count never changes results).
     * Binding it may throw {@link BadInputException}: the point then fails.
     */
    public ConfigDocument document(SweepPoint point) {
        ConfigDocument d = base;
        String src = spec.sourceName();
        if (setSeed) {
            d = d.with("simulation.seed", NODES.numberNode(point.seed()), src + ": seeds");
        }
        if (spec.images() != null) {
            d = d.with("simulation.images", NODES.numberNode(spec.images()), src + ": metrics.images");
        }
        if (spec.chips() != null) {
            d = d.with("simulation.chips", NODES.numberNode(spec.chips()), src + ": metrics.chips");
        }
        for (SweepSpec.Fixed f : spec.fixed()) {
            d = d.with(f.path(), f.value(), f.where());
        }
        for (Map.Entry<String, Setting> e : point.settings().entrySet()) {
            d = d.with(e.getKey(), e.getValue().value(), whereOf.get(e.getKey()));
        }
        return d.with("simulation.threads", NODES.numberNode(1), "sweep");
    }

    /** The run context of a point's document. */
    public RunContext context(ConfigDocument pointDocument, String imcsimVersion) {
        return new RunContext(pointDocument.sourceName(), pointDocument.overrides(), pointDocument.baseDirectory(),
                imcsimVersion, registry, null, false);
    }

    public SweepSpec spec() {
        return spec;
    }

    /** The base document every point starts from (without the dataset for a hardware-only sweep). */
    public ConfigDocument base() {
        return base;
    }

    public DeviceModels registry() {
        return registry;
    }

    /** Every point, in order. */
    public List<SweepPoint> points() {
        return points;
    }

    /** Parameter combinations before constraints. */
    public long combinations() {
        return combinations;
    }

    /** Points a shard runs: those whose index is {@code i} modulo {@code n} (round robin balances slow regions). */
    public List<SweepPoint> shard(Shard shard) {
        if (shard == null) {
            return points;
        }
        List<SweepPoint> out = new ArrayList<>();
        for (SweepPoint p : points) {
            if (shard.contains(p.index())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The swept parameter paths, in point order. */
    public List<String> parameterPaths() {
        return spec.parameterPaths();
    }
}
