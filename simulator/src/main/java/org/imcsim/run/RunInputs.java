package org.imcsim.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.imcsim.config.Config;
import org.imcsim.config.CrossbarConfig;
import org.imcsim.config.WorkloadConfig;
import org.imcsim.workload.Network;
import org.imcsim.workload.RepoFiles;
import org.imcsim.workload.Workloads;
import org.imcsim.workload.data.Dataset;
import org.imcsim.workload.data.Datasets;
import org.imcsim.workload.zoo.Sparsity;

/**
 * Resolves {@code workload.network} and {@code workload.dataset}. A relative file path resolves
 * against the config's folder first (the working directory for presets) and then, so that the
 * shipped presets work from any folder of a checkout, against the imcsim root
 * ({@code -Dimcsim.home}, set by the {@code ./imcsim} launcher) and the working directory's
 * parents. {@code workload.sparsity} is applied to the network with the run seed.
 */
public final class RunInputs {

    private RunInputs() {
    }

    /** The network the config names, with its configured sparsity applied. */
    public static Network network(Config config, Path baseDirectory) {
        WorkloadConfig w = config.workload();
        long seed = config.simulation().seed();
        Network net = Workloads.resolve(locate(w.network(), baseDirectory), seed);
        if (w.sparsity() > 0) {
            net = sparsity(w, config.crossbar()).apply(net, seed);
        }
        return net;
    }

    /** The dataset the config names, or null for a hardware-only run. */
    public static Dataset dataset(Config config, Path baseDirectory, int limit) {
        String spec = config.workload().dataset();
        if (spec == null) {
            return null;
        }
        return Datasets.resolve(locate(spec, baseDirectory), limit);
    }

    static Sparsity sparsity(WorkloadConfig w, CrossbarConfig xbar) {
        double f = w.sparsity();
        return switch (w.sparsityType()) {
            case UNSTRUCTURED -> Sparsity.unstructured(f);
            case FILTER -> Sparsity.channels(f);
            case CROSSBAR_ROW -> Sparsity.crossbarRows(f, xbar.rows(), xbar.cols());
            case CROSSBAR_COLUMN -> Sparsity.crossbarColumns(f, xbar.rows(), xbar.cols());
            case CROSSBAR_BLOCK -> Sparsity.crossbarBlocks(f, xbar.rows(), xbar.cols());
        };
    }

    /**
     * A spec whose path part looks like a relative file is made absolute when it exists under
     * the base directory or the imcsim root; zoo and shipped dataset names pass through.
     */
    static String locate(String spec, Path baseDirectory) {
        String s = spec.strip();
        int q = s.indexOf('?');
        String path = q >= 0 ? s.substring(0, q) : s;
        String query = q >= 0 ? s.substring(q) : "";
        boolean looksLikeFile = path.contains("/") || path.contains("\\") || path.toLowerCase(Locale.ROOT).matches(".*\\.(onnx|csv|gz|bin|idx.*)$");
        if (!looksLikeFile) {
            return s;
        }
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return s;
        }
        Path underBase = baseDirectory.resolve(p).normalize();
        if (Files.exists(underBase)) {
            return underBase + query;
        }
        Path repo = RepoFiles.find(path);
        return (repo != null ? repo.toAbsolutePath().normalize().toString() : underBase.toString()) + query;
    }
}
