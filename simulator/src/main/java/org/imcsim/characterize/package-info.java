/**
 * Device characterization: samples many cells per level of a device model at chosen times and
 * writes the per-level statistics (CSV), the conductance distribution (PNG) and a summary.
 * Depends on {@code org.imcsim.device.api}, {@code org.imcsim.units}, {@code org.imcsim.config} and XChart.
 */
package org.imcsim.characterize;
