package org.imcsim.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.imcsim.device.api.DeviceModels;

/**
 * What a {@link RunJob} knows about its run besides the config. Holds nothing that varies between
 * two runs of the same inputs (no clock, no host), so reports stay byte-identical.
 *
 * @param configSource  where the config came from: the file as given, or {@code preset NAME}
 * @param overrides     the {@code --set} and shortcut overrides applied, as {@code path=value}, in order
 * @param baseDirectory folder that relative workload paths resolve against
 * @param imcsimVersion the imcsim version
 * @param deviceModels  the device model registry the config was validated with
 * @param traceFile     where to write a Chrome trace-event timeline ({@code --trace}), or null
 * @param progress      whether the job may draw its own progress bar on a terminal (false inside a sweep,
 *                      whose bar would otherwise be interleaved with the points')
 */
public record RunContext(String configSource, List<String> overrides, Path baseDirectory, String imcsimVersion,
                         DeviceModels deviceModels, Path traceFile, boolean progress) {

    /** A context without a trace file, with progress bars. */
    public RunContext(String configSource, List<String> overrides, Path baseDirectory, String imcsimVersion,
                      DeviceModels deviceModels) {
        this(configSource, overrides, baseDirectory, imcsimVersion, deviceModels, null, true);
    }

    /** A context with progress bars. */
    public RunContext(String configSource, List<String> overrides, Path baseDirectory, String imcsimVersion,
                      DeviceModels deviceModels, Path traceFile) {
        this(configSource, overrides, baseDirectory, imcsimVersion, deviceModels, traceFile, true);
    }

    public RunContext {
        Objects.requireNonNull(configSource, "configSource");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(imcsimVersion, "imcsimVersion");
        Objects.requireNonNull(deviceModels, "deviceModels");
    }

    /** Resolves a workload path from the config ({@code workload.network}, {@code workload.dataset}) against {@link #baseDirectory()}. */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }
}
