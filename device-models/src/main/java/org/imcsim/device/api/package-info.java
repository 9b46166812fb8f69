/**
 * The device-model SPI: {@link org.imcsim.device.api.DeviceModel} (what a cell is, what it costs,
 * and how it is programmed, drifts and reads), {@link org.imcsim.device.api.ProgrammedCells} (batch
 * state in primitive arrays), {@link org.imcsim.device.api.DeviceModelProvider} (found by
 * {@link java.util.ServiceLoader}), parameter declaration/validation and the parts shared by
 * models ({@link org.imcsim.device.api.CellParameters}, {@link org.imcsim.device.api.ProgrammingNoise},
 * {@link org.imcsim.device.api.WriteCost}, {@link org.imcsim.device.api.BaseDeviceModel}).
 * Depends only on {@code org.imcsim.units} and the JDK.
 */
package org.imcsim.device.api;
