/**
 * One final class per hardware block on the engine (row drivers, crossbar array bank, sample-and-hold,
 * ADC bank, shift-add, accumulator, buffers, tile H-trees, activation/pooling, X-Y bus, H-tree, mesh NoC,
 * and the chip's control for the overlapped and the NeuroSim-serial dataflow). Depends on {@code component}, {@code engine} and {@code mapping.placement}; never on costing.
 */
package org.imcsim.arch;
