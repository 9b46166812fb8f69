package org.imcsim.config;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceParameterException;
import org.imcsim.device.api.DeviceParameters;
import org.imcsim.device.api.ParameterSpec;
import org.imcsim.units.Dimension;

/**
 * TEST FIXTURE, not a device model: a provider named {@code test-fixture} registered only on the
 * test class path (src/test/resources/META-INF/services) so the config layer's device plumbing
 * (provider lookup, profiles, parameter errors mapped to file and key) can be tested without the
 * real models. Its {@link DeviceModel} only answers {@code name()}: it is built through a dynamic
 * proxy so this fixture keeps compiling as the DeviceModel interface grows; any other call fails.
 */
public final class FixtureDeviceModelProvider implements DeviceModelProvider {
    public static final String NAME = "test-fixture";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test fixture for the config layer (not a device model)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("cellBits", "1", "bits per cell, 1..8"),
                ParameterSpec.quantity("ron", Dimension.RESISTANCE, "100kOhm", "low-resistance state"),
                ParameterSpec.number("onOffRatio", "17", "Roff / Ron, > 1"),
                ParameterSpec.quantity("readVoltage", Dimension.VOLTAGE, "0.55V", "read voltage"),
                ParameterSpec.number("programmingSigma", "0", "relative programming sigma, >= 0"));
    }

    @Override
    public Map<String, Map<String, String>> profiles() {
        return Map.of("high-ratio", Map.of("onOffRatio", "100", "cellBits", "2"));
    }

    @Override
    public DeviceModel create(DeviceParameters p) {
        int cellBits = p.integer("cellBits");
        if (cellBits < 1 || cellBits > 8) {
            throw new DeviceParameterException("cellBits", "must be between 1 and 8, got " + cellBits);
        }
        if (p.si("ron") <= 0) {
            throw new DeviceParameterException("ron", "must be > 0");
        }
        if (p.number("onOffRatio") <= 1) {
            throw new DeviceParameterException("onOffRatio", "must be > 1, got " + p.text("onOffRatio"));
        }
        p.si("readVoltage");
        if (p.number("programmingSigma") < 0) {
            throw new DeviceParameterException("programmingSigma", "must be >= 0");
        }
        return (DeviceModel) Proxy.newProxyInstance(DeviceModel.class.getClassLoader(), new Class<?>[] {DeviceModel.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "name":
                            return NAME;
                        case "toString":
                            return "DeviceModel[" + NAME + "]";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException("test fixture device: " + method.getName());
                    }
                });
    }
}
