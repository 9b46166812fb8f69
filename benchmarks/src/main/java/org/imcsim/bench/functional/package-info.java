/**
 * JMH benchmarks of the accuracy simulator: images per second of noisy bit-serial crossbar
 * inference on the default scenario. Depends on the simulator's functional, run and workload packages.
 */
package org.imcsim.bench.functional;
