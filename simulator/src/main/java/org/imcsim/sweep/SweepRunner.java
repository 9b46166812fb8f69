package org.imcsim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imcsim.config.BadInputException;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.report.Report;
import org.imcsim.run.RunContext;

/**
 * Runs a {@link SweepPlan} into an output folder: the points of the chosen shard that are not finished
 * yet, in parallel, each finished point appended at once to the result files ({@link ResultLog}); a
 * failing point records its error and the sweep goes on. At the end the files are rewritten sorted, so
 * the folder does not depend on the thread count, the order points finished in, or interruptions.
 *
 * <p>Scheduling: every point's config is bound first (in parallel; a point that does not validate fails
 * here), then points are grouped by {@link PointEvaluator#simulationKey} and each group runs as one task:
 * one {@code simulate}, then {@code cost} per point.
 */
public final class SweepRunner {

    /**
     * How to run.
     *
     * @param threads       parallel points (&ge; 1)
     * @param shard         the slice to run, or null for all points
     * @param resume        continue a folder that holds this sweep (else the folder must be new or empty)
     * @param retryFailed   with resume: run failed points again
     * @param imcsimVersion recorded in the manifest and each report
     */
    public record Options(int threads, Shard shard, boolean resume, boolean retryFailed, String imcsimVersion) {
        public Options {
            if (threads < 1) {
                throw new BadInputException("--threads", null, "expected an integer >= 1, got " + threads);
            }
            Objects.requireNonNull(imcsimVersion, "imcsimVersion");
        }
    }

    /**
     * What a run did.
     *
     * @param points      points in the whole sweep
     * @param shardPoints points in this run's shard (all points without a shard)
     * @param earlier     points found finished in the folder (resume)
     * @param ran         points evaluated now
     * @param failed      points in the folder that failed (earlier or now)
     * @param groups      shared simulations run now (groups of points with one simulation key)
     */
    public record Summary(int points, int shardPoints, int earlier, int ran, int failed, int groups) {
    }

    private SweepRunner() {
    }

    /**
     * Runs the sweep into {@code out}. {@code originalBase} is the base document as the user gave it
     * (hashed into the manifest; resume refuses a different one).
     */
    public static Summary run(SweepPlan plan, ConfigDocument originalBase, PointEvaluator<?> evaluator, Path out, Options options,
                              SweepProgress progress) throws IOException {
        SweepFolder.Manifest manifest = SweepFolder.manifestOf(plan, originalBase, options.shard(), options.imcsimVersion());
        prepare(out, plan, originalBase, manifest, options);
        List<SweepPoint> mine = plan.shard(options.shard());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "imcsim-sweep");
            t.setDaemon(true);
            return t;
        });
        int groupsRun;
        int earlier;
        ResultLog log = ResultLog.open(out, plan.parameterPaths(), options.retryFailed());
        try {
            Map<String, PointResult> done = log.finished();
            // a folder of another sweep would have failed the manifest check; ids outside this shard mean a mix-up
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (SweepPoint p : mine) {
                ids.add(p.id());
            }
            for (String id : done.keySet()) {
                if (!ids.contains(id)) {
                    throw new BadInputException(out.resolve(ResultLog.JSONL).toString(), null, "holds point " + id
                            + ", which is not in " + (options.shard() == null ? "this sweep" : "shard " + options.shard()));
                }
            }
            earlier = done.size();
            List<SweepPoint> todo = new ArrayList<>();
            for (SweepPoint p : mine) {
                if (!done.containsKey(p.id())) {
                    todo.add(p);
                }
            }
            progress.start(mine.size(), earlier);
            groupsRun = execute(plan, evaluator, todo, pool, log, progress, options.imcsimVersion());
            log.finish();
        } finally {
            pool.shutdownNow();
            log.close();
            progress.close();
        }
        int failed = 0;
        for (PointResult r : log.finished().values()) {
            failed += r.ok() ? 0 : 1;
        }
        return new Summary(plan.points().size(), mine.size(), earlier, mine.size() - earlier, failed, groupsRun);
    }

    /** Checks or creates the folder's header. */
    private static void prepare(Path out, SweepPlan plan, ConfigDocument originalBase, SweepFolder.Manifest manifest,
                                Options options) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out", null, out + " is a file; expected a folder");
        }
        if (SweepFolder.isSweep(out)) {
            if (!options.resume()) {
                throw new BadInputException("--out", null, out + " already holds a sweep; add --resume to finish it, "
                        + "or choose a new folder");
            }
            SweepFolder.Manifest old = SweepFolder.readManifest(out);
            if (!old.specSha256().equals(manifest.specSha256())) {
                throw new BadInputException("--resume", null, out + " was started with a different sweep spec ("
                        + old.specSource() + ", sha256 " + old.specSha256().substring(0, 12) + "; now " + manifest.specSha256().substring(0, 12)
                        + "); restore it or use a new --out");
            }
            if (!old.baseSha256().equals(manifest.baseSha256())) {
                throw new BadInputException("--resume", null, out + " was started with a different base config ("
                        + old.baseSource() + "); restore it or use a new --out");
            }
            if (!Objects.equals(old.shard(), manifest.shard())) {
                throw new BadInputException("--resume", null, out + " holds shard " + (old.shard() == null ? "(none: all points)" : old.shard())
                        + ", not " + (manifest.shard() == null ? "(none)" : manifest.shard()));
            }
            if (old.points() != plan.points().size()) {
                throw new BadInputException("--resume", null, out + " was planned with " + old.points() + " points, now "
                        + plan.points().size() + "; use a new --out");
            }
            return;
        }
        if (Files.isDirectory(out) && !SweepFolder.isEmptyDir(out)) {
            throw new BadInputException("--out", null, out + " is not empty and holds no sweep; choose a new or empty folder");
        }
        SweepFolder.writeHeader(out, plan, originalBase, manifest);
    }

    private record Bound(SweepPoint point, Config config, RunContext context) {
    }

    private static int execute(SweepPlan plan, PointEvaluator<?> evaluator, List<SweepPoint> todo, ExecutorService pool,
                               ResultLog log, SweepProgress progress, String version) throws IOException {
        // 1. bind every point (in parallel chunks); invalid configs fail here
        int chunks = Math.max(1, Math.min(todo.size(), 64));
        List<Future<List<Object>>> bound = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) todo.size() * c / chunks);
            int to = (int) ((long) todo.size() * (c + 1) / chunks);
            bound.add(pool.submit(() -> {
                List<Object> out = new ArrayList<>();
                for (SweepPoint p : todo.subList(from, to)) {
                    out.add(bind(plan, evaluator, p, version));
                }
                return out;
            }));
        }
        Map<String, List<Bound>> groups = new LinkedHashMap<>();
        for (Future<List<Object>> f : bound) {
            for (Object o : get(f)) {
                if (o instanceof PointResult failed) {
                    record(log, progress, failed);
                } else {
                    Keyed k = (Keyed) o;
                    groups.computeIfAbsent(k.key, x -> new ArrayList<>()).add(k.bound);
                }
            }
        }
        // 2. one task per group: simulate once, cost each point
        List<Future<?>> tasks = new ArrayList<>();
        for (List<Bound> g : groups.values()) {
            tasks.add(pool.submit(() -> {
                runGroup(evaluator, g, log, progress);
                return null;
            }));
        }
        for (Future<?> t : tasks) {
            get(t);
        }
        return groups.size();
    }

    private record Keyed(String key, Bound bound) {
    }

    private static Object bind(SweepPlan plan, PointEvaluator<?> evaluator, SweepPoint p, String version) {
        try {
            ConfigDocument d = plan.document(p);
            Config c = d.bind(plan.registry());
            RunContext ctx = plan.context(d, version);
            return new Keyed(evaluator.simulationKey(c, ctx), new Bound(p, c, ctx));
        } catch (BadInputException e) {
            return PointResult.failed(p, e.getMessage());
        } catch (RuntimeException e) {
            return PointResult.failed(p, "internal error: " + e);
        }
    }

    private static <S> void runGroup(PointEvaluator<S> evaluator, List<Bound> group, ResultLog log, SweepProgress progress)
            throws IOException {
        Bound first = group.get(0);
        S state;
        try {
            state = evaluator.simulate(first.config(), first.context());
        } catch (BadInputException e) {
            for (Bound b : group) {
                record(log, progress, PointResult.failed(b.point(), e.getMessage()));
            }
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            for (Bound b : group) {
                record(log, progress, PointResult.failed(b.point(), "internal error: " + e));
            }
            return;
        }
        for (Bound b : group) {
            PointResult r;
            try {
                Report rep = evaluator.cost(state, b.config(), b.context());
                r = PointResult.ok(b.point(), rep.tree());
            } catch (BadInputException e) {
                r = PointResult.failed(b.point(), e.getMessage());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                r = PointResult.failed(b.point(), "internal error: " + e);
            }
            record(log, progress, r);
        }
    }

    private static void record(ResultLog log, SweepProgress progress, PointResult r) throws IOException {
        log.append(r);
        progress.step(r.ok());
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
