package org.imcsim.sweep;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.config.Config;
import org.imcsim.config.CrossbarConfig;
import org.imcsim.report.Report;
import org.imcsim.run.RunContext;
import org.imcsim.run.SimulationJob;

/**
 * The sweep evaluator of {@link SimulationJob}: points that differ only in what hardware
 * re-costing covers share one simulation (mapping, accuracy study, activity and event
 * simulation) and each gets its report by re-costing the saved action counts
 * ({@link SimulationJob#report}). Cost-only paths: the description, the ADC circuit, the
 * technology node (unless IR drop uses the node's wire resistance), and,
 * for hardware-only points, the ADC resolution (which otherwise changes accuracy). A point whose
 * re-costed clock differs from the simulated one is simulated again by the job, so sharing never
 * changes a result. The cost profile is not cost-only: it fixes the simulated timing (ISAAC's
 * 100 ns read cycle and clock, its unit counts), so points that differ in it are simulated apart.
 */
public final class HardwareReuse implements PointEvaluator<SimulationJob.Stage> {
    private final SimulationJob job;

    public HardwareReuse(SimulationJob job) {
        this.job = job;
    }

    /** The config paths re-costing covers for {@code c}. */
    public static List<String> costOnlyPaths(Config c) {
        List<String> out = new ArrayList<>(List.of("description", "periphery.adc.model"));
        if (c.crossbar().irDrop() == CrossbarConfig.IrDrop.NONE || c.crossbar().wireResistanceOhm() != null) {
            out.add("technology.node");
        }
        if (c.workload().dataset() == null) {
            out.add("periphery.adc.bits");
        }
        return out;
    }

    @Override
    public String simulationKey(Config config, RunContext context) {
        return ReportReuse.key(config, context, costOnlyPaths(config));
    }

    @Override
    public SimulationJob.Stage simulate(Config config, RunContext context) {
        return job.simulate(config, context);
    }

    @Override
    public Report cost(SimulationJob.Stage simulated, Config config, RunContext context) {
        return job.report(simulated, config, context);
    }
}
