/**
 * The {@code isaac} cost profile: ISAAC's published per-component power/area table (Shafiee et al.,
 * ISCA 2016, 32 nm) turned into area per instance and energy per action (power ÷ ISAAC's action rate),
 * scaled by node and by the configured sizes (docs/cost-models.md §8).
 * Depends only on {@code org.imcsim.cost}.
 */
package org.imcsim.cost.isaac;
