/**
 * The {@code rram} device: multi-level RRAM with a relative or polynomial (NeuRRAM 2022) programming
 * sigma, stuck cells, optional log-time relaxation and read noise. Depends only on
 * {@code org.imcsim.device.api} and {@code org.imcsim.units}.
 */
package org.imcsim.device.rram;
