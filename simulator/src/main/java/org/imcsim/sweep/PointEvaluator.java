package org.imcsim.sweep;

import org.imcsim.config.Config;
import org.imcsim.report.Report;
import org.imcsim.run.RunContext;

/**
 * How the sweep evaluates design points, split so that work shared by many points is done once:
 * {@link #simulate} is the expensive stage (mapping, functional or event simulation) and depends only on
 * the part of the config that {@link #simulationKey} captures; {@link #cost} turns its result into the
 * point's report (e.g. re-costing saved action counts with another technology table).
 *
 * <p>The runner groups points by key and evaluates each group on one thread: {@code simulate} once (on
 * the group's first point), then {@code cost} for every point of the group. Contract, which makes
 * results independent of grouping, order and thread count: for any two configs {@code a}, {@code b}
 * with equal keys, {@code cost(simulate(a), b)} equals {@code cost(simulate(b), b)}.
 *
 * @param <S> the shared stage's result (kept in memory only while its group runs)
 */
public interface PointEvaluator<S> {

    /**
     * A canonical text (or its hash) of everything {@link #simulate} reads. Equal keys promise
     * interchangeable stage results; a key that is too fine only costs speed, one too coarse gives wrong results.
     */
    String simulationKey(Config config, RunContext context);

    /** The shared, expensive stage. May throw {@link org.imcsim.config.BadInputException} (the group's points fail). */
    S simulate(Config config, RunContext context);

    /** The point's report from the shared stage's result; called once per point of the group. */
    Report cost(S simulated, Config config, RunContext context);
}
