/**
 * The {@code pcm} device: IBM's statistical phase-change memory model (programming-noise polynomial,
 * power-law drift with per-device exponent, 1/f read noise, global drift compensation) as aihwkit
 * implements it. Depends only on {@code org.imcsim.device.api} and {@code org.imcsim.units}.
 */
package org.imcsim.device.pcm;
