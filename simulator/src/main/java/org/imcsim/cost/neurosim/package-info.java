/**
 * A NeuroSim-style analytic estimator: sub-array, processing-element, tile and chip composition of the
 * circuit models in {@code cost.circuit}, NeuroSim V1.4's floorplan (tiles/PEs, novel mapping, pipeline
 * duplication) and its per-layer latency/energy accounting, fed by activity statistics instead of traces.
 * Depends on {@code org.imcsim.cost} and {@code org.imcsim.cost.circuit}.
 */
package org.imcsim.cost.neurosim;
