package org.imcsim.config;

import org.imcsim.units.Dimension;

/**
 * {@code simulation:} how much to simulate and with which randomness.
 *
 * @param seed           run seed; every random stream is derived from (seed, path)
 * @param images         images evaluated
 * @param chips          independently programmed chips (accuracy is mean ± std over them)
 * @param inferenceTimeS time after programming at which inference runs, in seconds (drift)
 * @param threads        worker threads, 0 = all available processors; results do not depend on it
 */
public record SimulationConfig(
        @Param(defaultValue = "1", min = 0, description = "run seed; every random stream is derived from (seed, component path)")
        long seed,
        @Param(defaultValue = "1000", min = 1, description = "images evaluated")
        int images,
        @Param(defaultValue = "5", min = 1, description = "independently programmed chips; accuracy is reported as mean ± std over them")
        int chips,
        @Param(key = "inferenceTime", unit = Dimension.TIME, defaultValue = "0s", min = 0,
               description = "time after programming at which inference runs (drift, relaxation)")
        double inferenceTimeS,
        @Param(defaultValue = "0", min = 0, description = "worker threads, 0 = all available processors; results do not depend on it")
        int threads) {

    public SimulationConfig {
        Check.atLeast("seed", seed, 0L);
        Check.atLeast("images", images, 1);
        Check.atLeast("chips", chips, 1);
        Check.quantityRange("inferenceTime", inferenceTimeS, Dimension.TIME, 0, false, Double.POSITIVE_INFINITY, false);
        Check.atLeast("threads", threads, 0);
    }

    /** {@link #threads()} resolved: 0 becomes the number of available processors. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
