/**
 * Physical quantities with units ("1GHz", "10ns", "25uS", "100kOhm", "22nm", "0.8V") parsed into SI
 * doubles of a checked {@link org.imcsim.units.Dimension}. Depends on nothing; used by device models
 * and by the simulator's config.
 */
package org.imcsim.units;
