package org.imcsim.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.device.api.ParameterSpec;

/**
 * {@code device:} which device model provider builds the memory cell, an optional named parameter
 * set of that provider, and the provider's own parameters as written (strings). The provider
 * declares and checks its parameters ({@link ParameterSpec}); {@link ConfigDocument#bind()} builds
 * the model once so every bad device value is reported at load time with its file and line.
 *
 * @param model      provider name, as listed by {@code imcsim list}
 * @param profile    the provider's named parameter set, or null
 * @param parameters every other key under {@code device:}, sorted, values as written
 */
public record DeviceConfig(
        @Param(description = "device model provider, e.g. ideal, rram, pcm, table, or a provider on the classpath (imcsim list)")
        String model,
        @Param(defaultValue = Param.NONE,
               description = "named parameter set of the model (e.g. neurosim); keys given explicitly override it")
        String profile,
        @Param(otherKeys = true,
               description = "the model's own parameters (imcsim describe MODEL lists them with units and defaults)")
        Map<String, String> parameters) {

    public DeviceConfig {
        Check.text("model", model);
        if (profile != null) {
            Check.text("profile", profile);
        }
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** Builds the device model with the providers visible to this class's loader. */
    public DeviceModel createModel() {
        return createModel(DeviceModels.discover());
    }

    /**
     * Builds the device model. Throws {@link org.imcsim.device.api.DeviceParameterException} for
     * an unknown model, profile or parameter, or a bad value (already reported at load time for a
     * config that came through {@link ConfigDocument#bind()}).
     */
    public DeviceModel createModel(DeviceModels registry) {
        return registry.create(model, profile, parameters);
    }

    /**
     * Builds the device model with the cell type of the crossbar section: {@code crossbar.cellType}
     * is the one place the cell type is chosen, and it is passed to providers that declare a
     * {@code cellType} parameter. Setting {@code device.cellType} to something else is an error
     * (key {@code cellType}) rather than a silent choice between the two.
     */
    public DeviceModel createModel(DeviceModels registry, String crossbarCellType) {
        boolean declares = registry.provider(model).parameters().stream().anyMatch(s -> s.name().equals("cellType"));
        if (!declares) {
            return createModel(registry);
        }
        String given = parameters.get("cellType");
        if (given != null && !given.strip().equals(crossbarCellType)) {
            throw new org.imcsim.device.api.DeviceParameterException("cellType", "is " + given.strip()
                    + " but crossbar.cellType is " + crossbarCellType + "; set the cell type only in crossbar.cellType");
        }
        Map<String, String> p = new TreeMap<>(parameters);
        p.put("cellType", crossbarCellType);
        return registry.create(model, profile, p);
    }

    /**
     * Every parameter the model will use, as text: declared defaults, overlaid by the profile,
     * overlaid by the values given. Parameters without a default that were not given are absent.
     * Sorted by key; used for the resolved config in reports.
     */
    public Map<String, String> resolvedParameters(DeviceModels registry) {
        DeviceModelProvider p = registry.provider(model);
        Map<String, String> out = new TreeMap<>();
        for (ParameterSpec s : p.parameters()) {
            if (s.defaultValue() != null) {
                out.put(s.name(), s.defaultValue());
            }
        }
        if (profile != null && p.profiles().containsKey(profile)) {
            out.putAll(p.profiles().get(profile));
        }
        out.putAll(parameters);
        return Collections.unmodifiableMap(out);
    }
}
