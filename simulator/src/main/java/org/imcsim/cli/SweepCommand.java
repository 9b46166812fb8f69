package org.imcsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imcsim.config.BadInputException;
import org.imcsim.config.ConfigDocument;
import org.imcsim.config.Presets;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.report.BuildInfo;
import org.imcsim.sweep.ReportReuse;
import org.imcsim.sweep.Shard;
import org.imcsim.sweep.SweepAnalysis;
import org.imcsim.sweep.SweepPlan;
import org.imcsim.sweep.SweepProgress;
import org.imcsim.sweep.SweepRunner;
import org.imcsim.sweep.SweepSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code imcsim sweep}: expand a sweep spec over a base config, run the points in parallel, analyse. */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run a design-space sweep: every point of SWEEP.yaml applied to the base config, in parallel,",
                "resumable; writes results.jsonl, results.csv, pareto.csv, plots/ and report.html into --out.",
                "See docs/sweeps.md."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    static final class Base {
        @Option(names = {"-b", "--base"}, paramLabel = "CONFIG", description = "Base config file (YAML or JSON).")
        Path config;

        @Option(names = {"-p", "--preset"}, paramLabel = "NAME", description = "Base config: a preset shipped with imcsim (imcsim list).")
        String preset;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Base base;

    @Option(names = {"-s", "--set"}, paramLabel = "PATH=VALUE", description = "Override a key of the base config (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--sweep", required = true, paramLabel = "SWEEP.yaml", description = "The sweep spec.")
    Path sweep;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder (new or empty; with --resume: the folder to finish).")
    Path out;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Points run in parallel. Default: all available processors.")
    Integer threads;

    @Option(names = "--resume", description = "Finish the sweep in --out: finished points are kept, the rest run. Refuses a changed spec or base.")
    boolean resume;

    @Option(names = "--retry-failed", description = "With --resume: run failed points again.")
    boolean retryFailed;

    @Option(names = "--shard", paramLabel = "i/N", description = "Run only shard i of N (0 <= i < N): the points whose index is i mod N.")
    String shard;

    @Option(names = "--no-analysis", description = "Skip pareto.csv, plots and report.html (imcsim plot DIR makes them later).")
    boolean noAnalysis;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        Main.Environment env = main.environment();
        Path wd = env.workingDirectory();
        if (retryFailed && !resume) {
            throw new BadInputException("--retry-failed", null, "only with --resume");
        }
        ConfigDocument doc;
        if (base != null && base.config != null) {
            doc = ConfigDocument.read(wd.resolve(base.config), base.config.toString());
        } else {
            doc = ConfigDocument.preset(base != null && base.preset != null ? base.preset : Presets.DEFAULT);
        }
        doc = doc.withAll(sets, "--set");
        SweepSpec spec = SweepSpec.read(wd.resolve(sweep), sweep.toString());
        DeviceModels registry = DeviceModels.discover();
        SweepPlan plan = SweepPlan.expand(spec, doc, registry);
        Shard sh = shard == null ? null : Shard.parse(shard);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path dir = wd.resolve(out);
        var w = main.spec.commandLine().getOut();
        w.println("sweep: " + plan.points().size() + " points" + (plan.combinations() > plan.points().size()
                ? " (" + (plan.combinations() - plan.points().size()) + " of " + plan.combinations() + " combinations skipped by constraints)" : "")
                + (sh != null ? ", shard " + sh + ": " + plan.shard(sh).size() + " points" : "") + ", " + n + " thread(s)");
        w.flush();
        SweepProgress progress = new SweepProgress(main.spec.commandLine().getErr(), System.console() != null, 10_000);
        SweepRunner.Summary s;
        try {
            s = SweepRunner.run(plan, doc, ReportReuse.forJob(env.job()), dir,
                    new SweepRunner.Options(n, sh, resume, retryFailed, BuildInfo.version()), progress);
        } catch (java.nio.file.FileSystemException e) {
            throw new BadInputException("--out", null, "cannot write " + e.getFile() + ": " + e.getReason(), e);
        }
        w.println("ran " + s.ran() + " point(s)" + (s.earlier() > 0 ? " (" + s.earlier() + " finished earlier)" : "")
                + ", " + s.groups() + " simulation(s), " + s.failed() + " failed");
        w.println("results: " + RunCommand.display(wd, dir.resolve("results.csv")) + ", "
                + RunCommand.display(wd, dir.resolve("results.jsonl")));
        if (!noAnalysis) {
            PlotCommand.printAnalysis(w, wd, dir, SweepAnalysis.write(dir));
        }
        w.flush();
        return Main.OK;
    }
}
