/**
 * Built-in networks for hardware studies (seeded random weights, optional sparsity) and NeuroSim's
 * synthetic weight/input trace recipe. May depend on {@code org.imcsim.workload} and {@code org.imcsim.config}.
 */
package org.imcsim.workload.zoo;
