/**
 * One final class per hardware block on the engine (row drivers, crossbar array bank, sample-and-hold,
 * ADC bank, shift-add, accumulator, buffers, activation/pooling, X-Y bus, H-tree, mesh NoC, dataflow
 * control). Depends on {@code component}, {@code engine} and {@code mapping.placement}; never on costing.
 */
package org.imcsim.arch;
