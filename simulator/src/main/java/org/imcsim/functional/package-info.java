/**
 * Noisy bit-serial crossbar inference (MODEL.md §3–4): programmed conductances in level units,
 * bit-plane reads, ADC quantization, shift-add and digital accumulation, and accuracy evaluation.
 * Depends on {@code mapping} and the device-model API.
 */
package org.imcsim.functional;
