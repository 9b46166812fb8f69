/**
 * Workloads: the immutable network graph IR ({@link org.imcsim.workload.Network}), its crossbar-layer
 * matrix views, the float reference forward pass, and {@link org.imcsim.workload.Workloads} to resolve a spec.
 * May depend on {@code org.imcsim.config} (for {@code BadInputException}) and the JDK; sub-packages add ONNX
 * (protobuf, tribuo-util-onnx), zoo networks and dataset readers.
 */
package org.imcsim.workload;
