package org.imcsim.device.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry of device models: every {@link DeviceModelProvider} visible to a class loader,
 * by name. Unknown names fail with the list of known ones.
 */
public final class DeviceModels {
    private final Map<String, DeviceModelProvider> byName;

    private DeviceModels(Map<String, DeviceModelProvider> byName) {
        this.byName = byName;
    }

    /** Providers visible to this class's loader (the built-ins and any jar on the classpath). */
    public static DeviceModels discover() {
        return discover(DeviceModels.class.getClassLoader());
    }

    /** Providers visible to {@code loader}. Two providers with one name are an error. */
    public static DeviceModels discover(ClassLoader loader) {
        Map<String, DeviceModelProvider> map = new TreeMap<>();
        for (DeviceModelProvider p : ServiceLoader.load(DeviceModelProvider.class, loader)) {
            DeviceModelProvider prev = map.put(p.name(), p);
            if (prev != null && prev.getClass() != p.getClass()) {
                throw new IllegalStateException("two device models are named \"" + p.name() + "\": "
                        + prev.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new DeviceModels(Collections.unmodifiableMap(map));
    }

    /** Sorted names of all known models. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** All providers, sorted by name. */
    public List<DeviceModelProvider> providers() {
        return new ArrayList<>(byName.values());
    }

    /** The provider called {@code name}; throws {@link DeviceParameterException} on key {@code model} listing the known names. */
    public DeviceModelProvider provider(String name) {
        DeviceModelProvider p = byName.get(name);
        if (p == null) {
            throw new DeviceParameterException("model", "unknown device model \"" + name + "\"; known: " + String.join(", ", byName.keySet()));
        }
        return p;
    }

    /**
     * Resolves {@code model} and builds it from {@code raw} values, after applying the named
     * {@code profile} (may be null) underneath them.
     */
    public DeviceModel create(String model, String profile, Map<String, String> raw) {
        DeviceModelProvider p = provider(model);
        Map<String, String> merged = new LinkedHashMap<>();
        if (profile != null) {
            Map<String, String> prof = p.profiles().get(profile);
            if (prof == null) {
                throw new DeviceParameterException("profile", "unknown profile \"" + profile + "\" for device model \""
                        + model + "\"; known: " + String.join(", ", new TreeMap<>(p.profiles()).keySet()));
            }
            merged.putAll(prof);
        }
        merged.putAll(raw);
        return p.create(DeviceParameters.of(merged, p.parameters()));
    }
}
