/**
 * JMH benchmarks of design-space sweeps: design points per second of a hardware-only VGG8 grid through
 * the sweep runner. Depends on the simulator's sweep, run and config packages.
 */
package org.imcsim.bench.sweep;
