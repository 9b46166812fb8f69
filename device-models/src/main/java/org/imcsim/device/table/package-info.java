/**
 * The {@code table} device: a cell described by a CSV of measured per-level statistics (target,
 * mean and sigma of the programmed conductance, optional drift and read-noise columns). Depends on
 * {@code org.imcsim.device.api}, {@code org.imcsim.units}, and on {@code org.imcsim.device.rram}
 * only for the shared NeuroSim electrical defaults.
 */
package org.imcsim.device.table;
