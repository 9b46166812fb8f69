/**
 * Turns a layer's K×N weight matrix into crossbars (MODEL.md §1–2): symmetric weight quantization
 * (layer, channel or power-of-two scales), signed-weight schemes, bit slicing, tiling and crossbar
 * pruning. Depends only on the JDK; the workload and config layers feed it plain arrays.
 */
package org.imcsim.mapping;
