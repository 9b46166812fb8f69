/**
 * The {@code ideal} device: exact levels, no noise, no stuck cells, no drift; the reference for
 * exactness tests. Depends on {@code org.imcsim.device.api}, {@code org.imcsim.units}, and on
 * {@code org.imcsim.device.rram} only for the shared NeuroSim electrical defaults.
 */
package org.imcsim.device.ideal;
