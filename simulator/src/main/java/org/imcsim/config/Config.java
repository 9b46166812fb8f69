package org.imcsim.config;

/**
 * A complete, validated imcsim configuration: one record per section. Immutable; equal configs
 * give equal reports. Obtain one through {@link ConfigDocument} (file, preset or text, with
 * {@code --set} overrides), which also checks the device parameters against their provider.
 * The constructor checks constraints that span sections.
 *
 * @param description optional one-line description (shown by {@code imcsim list} for presets)
 */
public record Config(
        @Param(defaultValue = Param.NONE, description = "one line describing this configuration")
        String description,
        @Param(description = "CMOS technology") TechnologyConfig technology,
        @Param(description = "memory device model and its parameters") DeviceConfig device,
        @Param(description = "one crossbar array") CrossbarConfig crossbar,
        @Param(description = "DACs, ADCs and other circuits around an array") PeripheryConfig periphery,
        @Param(description = "quantization and placement of weights and activations") MappingConfig mapping,
        @Param(description = "chip clock, dataflow, hierarchy and interconnect") ChipConfig chip,
        @Param(description = "network and dataset") WorkloadConfig workload,
        @Param(description = "seed, images, chips, inference time, threads") SimulationConfig simulation) {

    public Config {
        Check.present("technology", technology);
        Check.present("device", device);
        Check.present("crossbar", crossbar);
        Check.present("periphery", periphery);
        Check.present("mapping", mapping);
        Check.present("chip", chip);
        Check.present("workload", workload);
        Check.present("simulation", simulation);
        int cols = crossbar.cols();
        int share = periphery.adc().colsPerAdc();
        if (cols % share != 0) {
            throw new InvalidValueException("periphery.adc.colsPerAdc",
                    "must divide crossbar.cols (" + cols + "), got " + share);
        }
        if (periphery.dacBits() > mapping.inputBits()) {
            throw new InvalidValueException("periphery.dacBits",
                    "must not exceed mapping.inputBits (" + mapping.inputBits() + "), got " + periphery.dacBits());
        }
    }

    /** The device model this config selects, with {@code crossbar.cellType} applied (see {@link DeviceConfig#createModel(DeviceModels, String)}). */
    public org.imcsim.device.api.DeviceModel deviceModel(org.imcsim.device.api.DeviceModels registry) {
        return device.createModel(registry, crossbar.cellType().configName());
    }
}
