package org.imcsim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imcsim.config.Config;
import org.imcsim.hardware.HardwareResult;
import org.imcsim.hardware.HardwareRun;
import org.imcsim.hardware.HardwareWriters;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.functional.AccuracyEvaluator;
import org.imcsim.functional.MappedNetwork;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.report.Report;
import org.imcsim.workload.Network;
import org.imcsim.workload.data.Dataset;

/**
 * The job {@code imcsim run} executes: resolves the workload, runs the accuracy study when a
 * dataset is configured, and reports mapping statistics and accuracies on top of the base
 * report (resolved config and run metadata). A progress bar is drawn on stderr only when the
 * process has a terminal, so CI logs get no control codes.
 */
public final class SimulationJob implements RunJob {

    /**
     * The expensive part of a run, reusable by points that differ only in what re-costing covers:
     * the resolved inputs, the accuracy outcome (null without a dataset), the mapped layers with their
     * measured read activity, and the hardware result.
     */
    public record Stage(Config config, Network network, Dataset data, AccuracyStudy.Outcome accuracy,
                        HardwareRun.Activity activity, HardwareResult hardware) {
    }

    @Override
    public Report execute(Config config, RunContext context) {
        return report(simulate(config, context), config, context);
    }

    /** Resolves the workload, runs the accuracy study (when there is a dataset) and the hardware simulation. */
    public Stage simulate(Config config, RunContext context) {
        DeviceModel device = config.deviceModel(context.deviceModels());
        Network net = RunInputs.network(config, context.baseDirectory());
        Dataset data = RunInputs.dataset(config, context.baseDirectory(), 0);
        AccuracyStudy.Outcome accuracy = null;
        if (data != null) {
            int chips = config.simulation().chips();
            int images = Math.min(config.simulation().images(), data.size());
            try (ProgressBar bar = context.progress() ? progressBar(AccuracyEvaluator.workImages(images, chips)) : null) {
                IntConsumer progress = bar == null ? null : n -> bar.stepBy(n);
                accuracy = AccuracyStudy.run(config, net, data, device, Defaults.wireOhmPerCell(config, device), progress);
            }
        }
        HardwareRun.Activity activity = HardwareStudy.measure(config, net, data, device);
        HardwareResult hw = HardwareStudy.simulate(config, activity, device, context.traceFile() != null ? TRACE_CAP : 0);
        if (context.traceFile() != null) {
            try {
                HardwareWriters.writeTrace(hw, context.traceFile());
            } catch (java.io.IOException e) {
                throw new org.imcsim.config.BadInputException("--trace", null, "cannot write " + context.traceFile() + ": " + e.getMessage(), e);
            }
        }
        return new Stage(config, net, data, accuracy, activity, hw);
    }

    /**
     * The report of {@code config} from a stage simulated for it or for a config that differs only
     * in what {@link HardwareResult#recost} covers (technology node, ADC circuit and, for
     * hardware-only runs, ADC bits): the saved action counts are re-costed; only when that changes the
     * clock (whose cycles the simulated times are counted in) is the chip simulated again, on the stage's
     * mapped layers and measured activity (which no cost-only path changes).
     */
    public Report report(Stage stage, Config config, RunContext context) {
        Report.Builder b = ConfigReportJob.baseReport(config, context);
        DeviceModel device = config.deviceModel(context.deviceModels());
        b.put("device.summary", device.summary());
        b.put("workload.network", stage.network().name());
        b.put("workload.macsPerImage", stage.network().macsPerImage());
        if (stage.accuracy() != null) {
            putMapping(b, stage.accuracy().mapped());
            putAccuracy(b, stage.accuracy().accuracy(), stage.data());
        }
        HardwareResult hw = stage.hardware();
        if (!config.equals(stage.config())) {
            hw = hw.recost(HardwareStudy.spec(config, device));
            if (hw.clockPeriodNs() != stage.hardware().clockPeriodNs()) {
                // simulated times are in the stage's clock: a different clock needs its own simulation
                hw = HardwareStudy.simulate(config, stage.activity(), device, 0);
            }
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        hw.toJson(tree);
        tree.fields().forEachRemaining(e -> b.put(e.getKey(), e.getValue()));
        ObjectNode counts = HardwareWriters.actionCountsJson(hw);
        b.attach("action_counts.json", counts.toPrettyString() + "\n");
        b.attach("layers.csv", HardwareWriters.layersCsv(hw));
        return b.build();
    }

    static void putAccuracy(Report.Builder b, AccuracyEvaluator.Result r, Dataset data) {
        b.put("accuracy.dataset", data.name());
        b.put("accuracy.images", r.images());
        b.put("accuracy.chips", r.chips());
        b.put("accuracy.floatTop1", r.floatTop1());
        b.put("accuracy.quantizedTop1", r.quantizedTop1());
        b.put("accuracy.idealChipTop1", r.idealChipTop1());
        b.put("accuracy.top1Mean", r.top1Mean());
        b.put("accuracy.top1Std", r.top1Std());
        List<Double> per = new ArrayList<>();
        for (double a : r.chipTop1()) {
            per.add(a);
        }
        b.put("accuracy.chipTop1", per);
    }

    /** Largest number of spans a {@code --trace} file holds (keeps the file bounded). */
    public static final int TRACE_CAP = 200_000;

    static void putMapping(Report.Builder b, MappedNetwork m) {
        int crossbars = 0;
        int before = 0;
        long usedCells = 0;
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 0; l < m.layerCount(); l++) {
            int lc = 0;
            int lb = 0;
            for (MappedLayer g : m.layer(l)) {
                lc += g.crossbars();
                lb += g.crossbarsBeforePruning();
                usedCells += Math.round(g.cellUtilization() * g.crossbars() * (double) g.spec().rows() * g.spec().cols());
            }
            MappedLayer first = m.layer(l)[0];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", m.network().crossbarLayers().get(l).name());
            row.put("k", first.k());
            row.put("n", first.n() * m.layer(l).length);
            row.put("groups", m.layer(l).length);
            row.put("crossbars", lc);
            row.put("crossbarsBeforePruning", lb);
            row.put("inputScale", m.input(l).scale());
            row.put("signedInput", m.input(l).signed());
            if (!Double.isNaN(m.adcHi(l))) {
                row.put("adcRangeLevels", m.adcHi(l));
            }
            layers.add(row);
            crossbars += lc;
            before += lb;
        }
        var spec = m.spec().mapping();
        b.put("accuracy.mapping.crossbars", crossbars);
        b.put("accuracy.mapping.crossbarsBeforePruning", before);
        b.put("accuracy.mapping.cellUtilization", crossbars == 0 ? 0.0 : usedCells / ((double) crossbars * spec.rows() * spec.cols()));
        b.put("accuracy.mapping.slicesPerWeight", spec.slices());
        b.put("accuracy.mapping.cellsPerWeight", spec.cellsPerWeight());
        b.put("accuracy.mapping.inputCycles", spec.inputCycles());
        b.put("accuracy.mapping.layers", layers);
    }

    /** A progress bar on stderr when there is a terminal, else null. */
    private static ProgressBar progressBar(long total) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("images").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).showSpeed().build();
    }
}
