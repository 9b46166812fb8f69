package org.imcsim.device.api;

/**
 * What one kind of memory cell is and how its conductance behaves. Conductances are in siemens,
 * times in seconds, voltages in volts, energies in joules, areas in F² (feature size squared).
 * Every sampler takes an explicit random stream so the caller controls seeding and
 * independence; a model holds no mutable state and is safe to share between threads.
 *
 * <p>The full contract (programming, stuck cells, drift, read noise, batch samplers for speed)
 * is defined by the device-models issue; see {@code docs/models.md}.
 */
public interface DeviceModel {

    /** The provider name this model was built by, e.g. {@code "rram"}. */
    String name();
}
