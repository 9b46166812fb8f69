package org.imcsim.cli;

import java.nio.file.Path;
import java.util.List;
import org.imcsim.config.ConfigDocument;
import org.imcsim.config.Presets;
import picocli.CommandLine.Option;

/** {@code --config FILE | --preset NAME} (an exclusive argument group) and the loading rule shared by commands. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file (YAML or JSON).")
    Path config;

    @Option(names = {"-p", "--preset"}, paramLabel = "NAME", description = "Preset shipped with imcsim (imcsim list). Default: default.")
    String preset;

    /**
     * The document: the file (resolved against {@code workingDirectory}, named as the user wrote it),
     * else the preset, else the default preset; then the {@code --set} overrides in order.
     */
    static ConfigDocument load(ConfigOptions options, List<String> sets, Path workingDirectory) {
        ConfigDocument doc;
        if (options != null && options.config != null) {
            doc = ConfigDocument.read(workingDirectory.resolve(options.config), options.config.toString());
        } else {
            doc = ConfigDocument.preset(options != null && options.preset != null ? options.preset : Presets.DEFAULT);
        }
        return doc.withAll(sets, "--set");
    }
}
