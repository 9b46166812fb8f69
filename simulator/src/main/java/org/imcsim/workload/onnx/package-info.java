/**
 * ONNX import: reads a {@code .onnx} file through the generated protobuf classes of
 * {@code org.tribuo:tribuo-util-onnx} ({@code ai.onnx.proto.OnnxMl}) into a {@link org.imcsim.workload.Network}.
 * May depend on {@code org.imcsim.workload}, {@code org.imcsim.config} and protobuf.
 */
package org.imcsim.workload.onnx;
