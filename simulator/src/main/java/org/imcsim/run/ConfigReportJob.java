package org.imcsim.run;

import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import org.imcsim.report.Report;

/**
 * The report part every job shares, and the job that produces only it: the config with every
 * section's defaults filled in under {@code config}, the device model's full parameter list under
 * {@code device.parameters}, and run metadata under {@code run}
 * ({@code configSource}, {@code overrides}, {@code seed}, {@code imcsimVersion}, {@code reportFormat}).
 * Simulation jobs call {@link #baseReport} and add their sections (area, energy, latency, accuracy, ...).
 */
public final class ConfigReportJob implements RunJob {

    @Override
    public Report execute(Config config, RunContext context) {
        return baseReport(config, context).build();
    }

    /** A builder holding {@code config.*} and {@code run.*}; add results and build. */
    public static Report.Builder baseReport(Config config, RunContext context) {
        return Report.builder()
                .put("config", ConfigDocument.resolvedTreeOf(config, context.deviceModels()))
                .put("device.model", config.device().model())
                .put("device.parameters", new java.util.TreeMap<>(config.device().resolvedParameters(context.deviceModels())))
                .put("run.configSource", context.configSource())
                .put("run.overrides", context.overrides())
                .put("run.seed", config.simulation().seed())
                .put("run.imcsimVersion", context.imcsimVersion())
                .put("run.reportFormat", Report.FORMAT_VERSION);
    }
}
