/**
 * Design-space sweeps: the sweep spec (grid, zip, ranges, random/Latin-hypercube sampling, constraints),
 * deterministic point expansion, the parallel resumable runner, shards and merge, Pareto fronts, plots and
 * the offline HTML report. Depends on config, run, report, engine (seed streams), units and XChart; never on cli.
 */
package org.imcsim.sweep;
