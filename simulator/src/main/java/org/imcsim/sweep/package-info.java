/**
 * Design-space sweeps: the sweep spec (grid, zip, ranges, random/Latin-hypercube sampling, constraints),
 * deterministic point expansion, the parallel resumable runner, shards and merge, Pareto fronts, plots and
 * the offline HTML report. Depends on config, run and report; never on cli (nothing here exits).
 */
package org.imcsim.sweep;
