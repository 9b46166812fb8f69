package org.imcsim.sweep;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.imcsim.config.BadInputException;
import org.imcsim.config.Config;
import org.imcsim.report.Report;
import org.imcsim.run.ConfigReportJob;
import org.imcsim.run.RunContext;
import org.imcsim.run.RunJob;

/**
 * A test job with closed-form figures of the config (not a hardware model): lets the sweep machinery be
 * tested fast and exactly. Energy grows with array size and ADC bits, accuracy with ADC bits, area with
 * array size; a breakdown is reported. A point with {@code periphery.adc.noiseLsb == 7} fails as bad input.
 */
final class AnalyticJob implements RunJob {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Report execute(Config c, RunContext context) {
        calls.incrementAndGet();
        if (c.periphery().adc().noiseLsb() == 7) {
            throw new BadInputException(null, "periphery.adc.noiseLsb", "7 is unlucky (test)");
        }
        int rows = c.crossbar().rows();
        int cols = c.crossbar().cols();
        int adc = c.periphery().adc().bits();
        double arrays = rows * cols * 1e-3;
        double adcPj = adc * adc * 10.0 * cols / c.periphery().adc().colsPerAdc();
        Map<String, Double> e = new TreeMap<>(Map.of("arrays", arrays, "adc", adcPj, "other", 5.0));
        Map<String, Double> a = new TreeMap<>(Map.of("arrays", rows * cols * 1e-6, "adc", adc * 0.01));
        double seedNoise = (c.simulation().seed() % 1000) * 1e-6;
        return ConfigReportJob.baseReport(c, context)
                .put("energy.totalPj", arrays + adcPj + 5.0)
                .put("energy.breakdownPj", e)
                .put("area.totalMm2", rows * cols * 1e-6 + adc * 0.01)
                .put("area.breakdownMm2", a)
                .put("accuracy.top1Mean", 1.0 - Math.pow(2, -adc) + seedNoise)
                .put("accuracy.top1Std", 0.001)
                .put("mapping.crossbars", 1000 / rows)
                .build();
    }
}
