/**
 * Placement of mapped layers onto the chip hierarchy (chip → tiles → PEs → arrays) with NeuroSim-style
 * weight duplication for the layer pipeline, and the mapping statistics. Depends on {@code mapping} and
 * {@code config} only.
 */
package org.imcsim.mapping.placement;
