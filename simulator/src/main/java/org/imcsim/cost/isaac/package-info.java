/**
 * The {@code isaac} cost profile: ISAAC's published per-component power/area table (Shafiee et al.,
 * ISCA 2016, 32 nm) turned into energy per action and scaled by node and ADC resolution.
 * Depends only on {@code org.imcsim.cost}.
 */
package org.imcsim.cost.isaac;
