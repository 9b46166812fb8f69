/**
 * The device-model SPI: {@link org.imcsim.device.api.DeviceModel} (what a cell is and how it is
 * sampled), {@link org.imcsim.device.api.DeviceModelProvider} (found by {@link java.util.ServiceLoader})
 * and parameter declaration/validation. Depends only on {@code org.imcsim.units} and the JDK.
 */
package org.imcsim.device.api;
