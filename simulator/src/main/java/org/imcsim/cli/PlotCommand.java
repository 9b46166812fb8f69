package org.imcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imcsim.sweep.SweepAnalysis;
import org.imcsim.sweep.SweepFolder;
import org.imcsim.config.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code imcsim plot DIR}: redo a sweep folder's analysis (pareto.csv, plots/, report.html). */
@Command(name = "plot", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Write pareto.csv, plots/*.png and report.html for a sweep folder (again).")
final class PlotCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "DIR", description = "A sweep folder (from imcsim sweep or imcsim merge).")
    Path dir;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        Path wd = main.environment().workingDirectory();
        Path d = wd.resolve(dir);
        if (!SweepFolder.isSweep(d)) {
            throw new BadInputException(dir.toString(), null, "holds no sweep (no " + SweepFolder.MANIFEST + ")");
        }
        PrintWriter w = main.spec.commandLine().getOut();
        printAnalysis(w, wd, d, SweepAnalysis.write(d));
        w.flush();
        return Main.OK;
    }

    static void printAnalysis(PrintWriter w, Path wd, Path dir, SweepAnalysis.Outcome a) {
        w.println("pareto: " + RunCommand.display(wd, dir.resolve(SweepAnalysis.PARETO)) + " (" + a.front().size() + " point(s) over "
                + (a.used().isEmpty() ? "no objective present" : String.join(", ", a.used().stream().map(Object::toString).toList())) + ")"
                + (a.skipped().isEmpty() ? "" : "; not reported by any point: "
                + String.join(", ", a.skipped().stream().map(Object::toString).toList())));
        w.println("plots: " + a.plots().size() + " in " + RunCommand.display(wd, dir.resolve(SweepAnalysis.PLOTS)));
        w.println("report: " + RunCommand.display(wd, dir.resolve(SweepAnalysis.HTML)));
    }
}
