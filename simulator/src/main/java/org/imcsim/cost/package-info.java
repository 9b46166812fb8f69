/**
 * Costing: technology tables ({@link org.imcsim.cost.Technology}), gate-level helpers, provenance
 * ({@link org.imcsim.cost.Source}) and the shared {@link org.imcsim.cost.ComponentCost} shape.
 * Depends only on the JDK and {@code org.imcsim.config}; circuit models live in {@code cost.circuit}.
 */
package org.imcsim.cost;
