/**
 * JMH benchmarks of the discrete-event engine and component framework (hold model).
 * Depends on {@code org.imcsim.engine}, {@code org.imcsim.component} and JMH.
 */
package org.imcsim.bench.engine;
