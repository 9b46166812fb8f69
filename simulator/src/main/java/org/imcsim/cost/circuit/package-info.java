/**
 * Per-component circuit models (one final class per block): area from gate layouts, energy per
 * action, latency and leakage, built on {@link org.imcsim.cost.Gates} and a {@link org.imcsim.cost.Technology};
 * equations after NeuroSim V1.4. Depends only on {@code org.imcsim.cost}.
 */
package org.imcsim.cost.circuit;
