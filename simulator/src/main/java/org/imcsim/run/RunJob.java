package org.imcsim.run;

import org.imcsim.config.Config;
import org.imcsim.report.Report;

/**
 * What {@code imcsim run} executes on a validated config: the seam where the simulation (mapping,
 * functional and timing simulation, costing) plugs in. An implementation must be deterministic:
 * the same config (including {@code simulation.seed}) gives an equal report at any thread count.
 * It starts from {@link ConfigReportJob#baseReport} so every report carries the resolved config
 * and run metadata under the same keys.
 */
@FunctionalInterface
public interface RunJob {

    /**
     * Runs the job. Throws {@link org.imcsim.config.BadInputException} for bad input discovered
     * while running (e.g. a network file that does not parse); any other exception is an internal failure.
     */
    Report execute(Config config, RunContext context);
}
