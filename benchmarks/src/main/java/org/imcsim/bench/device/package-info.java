/**
 * JMH benchmarks of the device models: batch programming throughput (cells per second) and the
 * Gaussian samplers it relies on. Depends on {@code org.imcsim.device.*} and JMH.
 */
package org.imcsim.bench.device;
