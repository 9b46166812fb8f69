package org.imcsim.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
        String spec = locate(w.network(), baseDirectory);
        if (looksLikeFile(spec)) {
            return build(spec, seed, w, config.crossbar());
        }
        // zoo networks are pure functions of (name, options, seed, sparsity): a sweep's points share one
        String key = spec + "\n" + seed + (w.sparsity() > 0 ? "\n" + w.sparsity() + "\n" + w.sparsityType() + "\n"
                + config.crossbar().rows() + "x" + config.crossbar().cols() : "");
        FutureTask<Network> task;
        boolean mine = false;
        synchronized (ZOO_CACHE) {
            task = ZOO_CACHE.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> build(spec, seed, w, config.crossbar()));
                ZOO_CACHE.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + spec, e);
        } catch (ExecutionException e) {
            synchronized (ZOO_CACHE) {
                ZOO_CACHE.remove(key, task);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Zoo networks built lately (a few: a VGG16 with weights is 60 MB), most recently used last. */
    private static final Map<String, FutureTask<Network>> ZOO_CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FutureTask<Network>> eldest) {
            return size() > 3;
        }
    };

    private static Network build(String spec, long seed, WorkloadConfig w, CrossbarConfig xbar) {
        Network net = Workloads.resolve(spec, seed);
        if (w.sparsity() > 0) {
            net = sparsity(w, xbar).apply(net, seed);
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
        if (!looksLikeFile(s)) {
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

    /** True if the path part of {@code spec} (before any {@code ?options}) names a file rather than a zoo or shipped name. */
    static boolean looksLikeFile(String spec) {
        int q = spec.indexOf('?');
        String path = q >= 0 ? spec.substring(0, q) : spec;
        return path.contains("/") || path.contains("\\") || path.toLowerCase(Locale.ROOT).matches(".*\\.(onnx|csv|gz|bin|idx.*)$");
    }
}
