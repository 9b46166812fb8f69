package org.imcsim.device.api;

import java.util.List;
import java.util.Map;

/**
 * Creates a {@link DeviceModel} from validated parameters. Implementations are registered in
 * {@code META-INF/services/org.imcsim.device.api.DeviceModelProvider} and found by
 * {@link DeviceModels} through {@link java.util.ServiceLoader}; a provider in a user's jar on the
 * classpath is selected in the config by {@code device.model: NAME} exactly like the built-ins.
 */
public interface DeviceModelProvider {

    /** The name used in {@code device.model}, lower-case, e.g. {@code "rram"}. */
    String name();

    /** One line for {@code imcsim list}. */
    String description();

    /** Every parameter the model accepts, with defaults and sources; drives validation and {@code describe}. */
    List<ParameterSpec> parameters();

    /**
     * Named parameter sets (e.g. {@code "neurosim"}, {@code "neurram-2022"}) selected with
     * {@code device.profile}; values explicitly given in the config override the profile's.
     */
    default Map<String, Map<String, String>> profiles() {
        return Map.of();
    }

    /**
     * Builds the model. Throws {@link DeviceParameterException} naming the key for any bad value;
     * never silently replaces a bad value by a default.
     */
    DeviceModel create(DeviceParameters parameters);
}
