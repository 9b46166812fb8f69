/**
 * Workloads: the immutable network graph IR ({@link org.imcsim.workload.Network}, nodes, ops, crossbar-layer
 * matrix views), the float reference forward pass, and {@link org.imcsim.workload.Workloads} to resolve a spec.
 * May depend on {@code org.imcsim.config} (BadInputException), its own sub-packages onnx/zoo (only from Workloads) and the JDK.
 */
package org.imcsim.workload;
