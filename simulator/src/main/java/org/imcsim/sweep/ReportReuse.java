package org.imcsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.report.Report;
import org.imcsim.run.ConfigReportJob;
import org.imcsim.run.RunContext;
import org.imcsim.run.RunJob;

/**
 * A {@link PointEvaluator} over any {@link RunJob}: the job runs once per group of points whose configs
 * agree outside a declared set of <em>cost-only</em> paths, and every other point of the group gets the
 * job's report with its own config and run metadata ({@link ConfigReportJob#baseReport}) stamped in.
 * This is exact when the job's results (everything outside the base report) do not read the cost-only
 * paths; {@code ReportReuseTest} holds {@link HardwareReuse#costOnlyPaths} to that for {@link org.imcsim.run.SimulationJob}.
 * With no cost-only paths ({@link #exact}) only identical configs share a run.
 */
public final class ReportReuse implements PointEvaluator<ReportReuse.Simulated> {

    /** The job's report and the config and context it was computed for. */
    public record Simulated(Report report, Config config, RunContext context) {
    }

    private final RunJob job;
    private final Function<Config, List<String>> costOnlyPaths;

    /**
     * @param job           the job run per group
     * @param costOnlyPaths for a config, the config paths (e.g. {@code technology.node}, {@code description}) that
     *                      the job's results do not depend on; whole sections may be named
     */
    public ReportReuse(RunJob job, Function<Config, List<String>> costOnlyPaths) {
        this.job = Objects.requireNonNull(job, "job");
        this.costOnlyPaths = Objects.requireNonNull(costOnlyPaths, "costOnlyPaths");
    }

    /** Reuse between identical configs only. */
    public static ReportReuse exact(RunJob job) {
        return new ReportReuse(job, c -> List.of());
    }

    /** The evaluator the sweep uses for {@code job}: hardware re-costing for the simulation job ({@link HardwareReuse}), exact reuse otherwise. */
    public static PointEvaluator<?> forJob(RunJob job) {
        if (job instanceof PointEvaluator<?> p) {
            return p;
        }
        if (job instanceof org.imcsim.run.SimulationJob sj) {
            return new HardwareReuse(sj);
        }
        return exact(job);
    }

    @Override
    public String simulationKey(Config config, RunContext context) {
        return key(config, context, costOnlyPaths.apply(config));
    }

    /** The hash of the resolved config without {@code costOnly} paths and the thread count. */
    static String key(Config config, RunContext context, List<String> costOnly) {
        ObjectNode tree = ConfigDocument.resolvedTreeOf(config, context.deviceModels());
        for (String p : costOnly) {
            remove(tree, p);
        }
        // the thread count never changes results
        JsonNode sim = tree.get("simulation");
        if (sim instanceof ObjectNode s) {
            s.remove("threads");
        }
        return Hashing.sha256(context.baseDirectory() + "\n" + canonical(tree));
    }

    @Override
    public Simulated simulate(Config config, RunContext context) {
        return new Simulated(job.execute(config, context), config, context);
    }

    @Override
    public Report cost(Simulated s, Config config, RunContext context) {
        if (s.config().equals(config) && s.context().equals(context)) {
            return s.report();
        }
        ObjectNode tree = s.report().tree();
        strip(tree, ConfigReportJob.baseReport(s.config(), s.context()).build().tree());
        merge(tree, ConfigReportJob.baseReport(config, context).build().tree());
        Report.Builder b = Report.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.put(e.getKey(), e.getValue());
        }
        s.report().attachments().forEach(b::attach);
        return b.build();
    }

    /** Removes from {@code tree} every leaf that {@code base} holds (empty objects left behind go too). */
    static void strip(ObjectNode tree, ObjectNode base) {
        for (Iterator<Map.Entry<String, JsonNode>> it = base.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode here = tree.get(e.getKey());
            if (here instanceof ObjectNode o && e.getValue() instanceof ObjectNode b) {
                strip(o, b);
                if (o.isEmpty()) {
                    tree.remove(e.getKey());
                }
            } else {
                tree.remove(e.getKey());
            }
        }
    }

    /** Copies every leaf of {@code add} into {@code tree}. */
    static void merge(ObjectNode tree, ObjectNode add) {
        for (Iterator<Map.Entry<String, JsonNode>> it = add.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode here = tree.get(e.getKey());
            if (here instanceof ObjectNode o && e.getValue() instanceof ObjectNode a) {
                merge(o, a);
            } else {
                tree.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static void remove(ObjectNode tree, String path) {
        String[] seg = path.split("\\.");
        JsonNode n = tree;
        for (int i = 0; i < seg.length - 1 && n != null; i++) {
            n = n.get(seg[i]);
        }
        if (n instanceof ObjectNode o) {
            o.remove(seg[seg.length - 1]);
        }
    }

    /** JSON with object keys sorted at every level. */
    static String canonical(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        canonical(n, sb);
        return sb.toString();
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.get(i)).toString()).append(':');
                canonical(n.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                canonical(n.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(n.toString());
        }
    }
}
