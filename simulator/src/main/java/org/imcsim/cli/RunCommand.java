package org.imcsim.cli;

import org.imcsim.run.RunContext;
import org.imcsim.run.SimulationJob;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imcsim.config.BadInputException;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.report.BuildInfo;
import org.imcsim.report.Report;
import org.imcsim.report.ReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code imcsim run}: load and validate a config, execute the job, write {@code report.json} atomically. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run a simulation and write report.json.",
                "Without --config or --preset, runs the embedded default (preset 'default')."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    GlobalOptions global;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ConfigOptions source;

    @Option(names = {"-s", "--set"}, paramLabel = "PATH=VALUE",
            description = "Override a config key, e.g. --set crossbar.rows=64 --set chip.clock=500MHz (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Run seed (sets simulation.seed).")
    Long seed;

    @Option(names = "--images", paramLabel = "N", description = "Images to evaluate (sets simulation.images).")
    Integer images;

    @Option(names = "--chips", paramLabel = "K", description = "Independently programmed chips (sets simulation.chips).")
    Integer chips;

    @Option(names = "--time", paramLabel = "T", description = "Inference time after programming, e.g. 1h (sets simulation.inferenceTime).")
    String time;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Also write a Chrome trace-event JSON of the hardware event timeline (opens in Perfetto; at most "
                    + SimulationJob.TRACE_CAP + " spans).")
    private java.nio.file.Path trace;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder for report.json (created if needed). Default: a new folder runs/YYYYMMDD-HHMMSS.")
    Path out;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        Main.Environment env = main.environment();
        long started = System.nanoTime();
        ConfigDocument doc = ConfigOptions.load(source, sets, env.workingDirectory());
        JsonNodeFactory n = JsonNodeFactory.instance;
        if (seed != null) {
            doc = doc.with("simulation.seed", n.numberNode(seed), "--seed");
        }
        if (images != null) {
            doc = doc.with("simulation.images", n.numberNode(images), "--images");
        }
        if (chips != null) {
            doc = doc.with("simulation.chips", n.numberNode(chips), "--chips");
        }
        if (time != null) {
            doc = doc.with("simulation.inferenceTime", n.textNode(time), "--time");
        }
        DeviceModels registry = DeviceModels.discover();
        Config config = doc.bind(registry);
        LOG.info("config from {} is valid ({} override(s))", doc.sourceName(), doc.overrides().size());
        if (out != null && Files.exists(env.workingDirectory().resolve(out)) && !Files.isDirectory(env.workingDirectory().resolve(out))) {
            throw new BadInputException("--out", null, out + " is a file; expected a folder");
        }

        RunContext context = new RunContext(doc.sourceName(), doc.overrides(), doc.baseDirectory(), BuildInfo.version(), registry,
                trace == null ? null : env.workingDirectory().resolve(trace));
        Report report = env.job().execute(config, context);

        Path dir;
        Path file;
        if (out != null) {
            dir = env.workingDirectory().resolve(out);
            try {
                file = ReportWriter.writeAll(report, dir);
            } catch (IOException e) {
                throw new BadInputException("--out", null, "cannot write " + dir.resolve(ReportWriter.REPORT_JSON) + ": " + e, e);
            }
        } else {
            dir = RunDirectories.fresh(env.workingDirectory().resolve("runs"), env.clock());
            file = ReportWriter.writeAll(report, dir);
        }
        LOG.info("run finished in {} ms", (System.nanoTime() - started) / 1_000_000);
        var w = main.spec.commandLine().getOut();
        w.println(Summary.of(config));
        w.print(org.imcsim.report.ReportText.render(report));
        w.println("report: " + display(env.workingDirectory(), file));
        w.flush();
        return Main.OK;
    }

    /** The report path relative to the working directory when it lies below it. */
    static String display(Path workingDirectory, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path wd = workingDirectory.toAbsolutePath().normalize();
        return abs.startsWith(wd) ? wd.relativize(abs).toString() : abs.toString();
    }
}
