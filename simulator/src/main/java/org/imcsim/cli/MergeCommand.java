package org.imcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imcsim.sweep.SweepAnalysis;
import org.imcsim.sweep.SweepMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code imcsim merge DIR... --out DIR}: combine shard folders of one sweep, checking no point is missing or doubled. */
@Command(name = "merge", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Combine the folders of one sweep (e.g. its shards) into one, checking that every point is",
                "present exactly once, then write pareto.csv, plots/ and report.html."})
final class MergeCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Sweep folders to merge.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The merged folder (new or empty).")
    Path out;

    @Option(names = "--no-analysis", description = "Skip pareto.csv, plots and report.html.")
    boolean noAnalysis;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        Path wd = main.environment().workingDirectory();
        List<Path> in = new ArrayList<>();
        for (Path d : dirs) {
            in.add(wd.resolve(d));
        }
        Path o = wd.resolve(out);
        SweepMerge.Outcome m = SweepMerge.merge(in, o);
        PrintWriter w = main.spec.commandLine().getOut();
        w.println("merged " + in.size() + " folder(s): " + m.points() + " points, " + m.failed() + " failed");
        w.println("results: " + RunCommand.display(wd, o.resolve("results.csv")) + ", " + RunCommand.display(wd, o.resolve("results.jsonl")));
        if (!noAnalysis) {
            PlotCommand.printAnalysis(w, wd, o, SweepAnalysis.write(o));
        }
        w.flush();
        return Main.OK;
    }
}
