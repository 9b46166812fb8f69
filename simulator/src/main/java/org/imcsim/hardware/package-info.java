/**
 * The hardware run: spec, placement, data-dependent activity, event simulation of the chip, costing
 * and the per-inference {@code HardwareResult} with its writers (JSON, layers.csv, action counts, trace).
 * Depends on {@code arch}, {@code mapping}, {@code workload}, {@code cost}, {@code component}, {@code engine}.
 */
package org.imcsim.hardware;
