package org.imcsim.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.onnx.OnnxImporter;
import org.imcsim.workload.zoo.Sparsity;
import org.imcsim.workload.zoo.SyntheticTrace;
import org.imcsim.workload.zoo.WeightInit;
import org.imcsim.workload.zoo.Zoo;

/**
 * Resolves the {@code workload.network} setting to a {@link Network}. The spec is
 * {@code NAME[?key=value[&key=value]]} where NAME is a zoo name ({@link Zoo#names()}) or a path to
 * an {@code .onnx} file (relative paths are tried against the working directory and its parents, see
 * {@link RepoFiles}). Options:
 * <ul>
 *   <li>{@code weights=he|neurosim} — zoo: the weight init (default {@code he}); ONNX: {@code neurosim}
 *   replaces the trained weights by NeuroSim's synthetic ones ({@link SyntheticTrace});</li>
 *   <li>{@code sparsity=...} — as {@link Sparsity#parse}, e.g. {@code xbar-block:0.5:128x128}.</li>
 * </ul>
 * Example: {@code vgg8?weights=neurosim}, {@code resnet20?sparsity=channel:0.3},
 * {@code traces/models/lenet5.onnx}.
 */
public final class Workloads {
    /** The config field this spec comes from, used in error messages. */
    public static final String FIELD = "workload.network";

    private Workloads() {
    }

    /** Resolves {@code spec} with random streams derived from {@code seed}. */
    public static Network resolve(String spec, long seed) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException(null, FIELD, "is empty; give a zoo name (" + String.join(", ", Zoo.names())
                    + ") or a path to an .onnx file");
        }
        String base = spec.trim();
        WeightInit init = WeightInit.HE_UNIFORM;
        boolean initGiven = false;
        Sparsity sparsity = Sparsity.none();
        int q = base.indexOf('?');
        if (q >= 0) {
            String query = base.substring(q + 1);
            base = base.substring(0, q);
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new BadInputException(null, FIELD, "option '" + kv + "' in '" + spec + "' is not key=value");
                }
                String key = kv.substring(0, eq);
                String value = kv.substring(eq + 1);
                switch (key) {
                    case "weights" -> {
                        initGiven = true;
                        init = switch (value.toLowerCase(Locale.ROOT)) {
                            case "he" -> WeightInit.HE_UNIFORM;
                            case "neurosim" -> WeightInit.NEUROSIM;
                            default -> throw new BadInputException(null, FIELD, "weights=" + value
                                    + " in '" + spec + "': expected he or neurosim");
                        };
                    }
                    case "sparsity" -> sparsity = Sparsity.parse(value, null, FIELD + " (sparsity)");
                    default -> throw new BadInputException(null, FIELD, "unknown option '" + key + "' in '" + spec
                            + "' (known: weights, sparsity)");
                }
            }
        }
        if (Zoo.contains(base)) {
            return Zoo.build(base, seed, sparsity, init);
        }
        if (base.toLowerCase(Locale.ROOT).endsWith(".onnx") || Files.isRegularFile(Paths.get(base))) {
            Path p = Paths.get(base);
            if (!p.isAbsolute() && !Files.exists(p)) {
                Path found = RepoFiles.find(base);
                if (found != null) {
                    p = found;
                }
            }
            Network net = OnnxImporter.load(p);
            if (initGiven && init == WeightInit.NEUROSIM) {
                net = SyntheticTrace.withNeurosimWeights(net, seed);
            } else if (initGiven) {
                throw new BadInputException(null, FIELD, "weights=he in '" + spec
                        + "' applies to zoo networks only (an ONNX model has trained weights)");
            }
            return sparsity.apply(net, seed);
        }
        throw new BadInputException(null, FIELD, "'" + base + "' is neither a zoo network (" + String.join(", ", Zoo.names())
                + ") nor an .onnx file");
    }
}
