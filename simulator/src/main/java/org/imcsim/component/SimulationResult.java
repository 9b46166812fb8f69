package org.imcsim.component;

import org.imcsim.engine.StatsTree;
import org.imcsim.engine.StopReason;

/**
 * The outcome of a run.
 *
 * @param stats     the stats tree (action counts, busy times, component extras)
 * @param endTimePs simulated time at the end, ps
 * @param events    events handled
 * @param reason    why the run stopped
 */
public record SimulationResult(StatsTree stats, long endTimePs, long events, StopReason reason) {

    /** Busy fraction of a component that declared actions: {@code busyPs / endTimePs} (0 if end is 0). */
    public double utilization(String componentPath) {
        long busy = stats.get(componentPath + "." + Component.BUSY_PS);
        return endTimePs == 0 ? 0.0 : (double) busy / endTimePs;
    }
}
