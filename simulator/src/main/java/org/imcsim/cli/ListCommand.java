package org.imcsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.imcsim.arch.ComponentCatalog;
import org.imcsim.config.ConfigKeys;
import org.imcsim.config.Presets;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code imcsim list}: device models, presets, the model names config keys accept (ADC, interconnect, ...), config sections. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List device models, presets, hardware components, model choices and config sections (details: imcsim describe NAME).")
final class ListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        out.println("Device models (device.model):");
        DeviceModels models = DeviceModels.discover();
        if (models.providers().isEmpty()) {
            out.println("  (none on the class path)");
        }
        for (DeviceModelProvider p : models.providers()) {
            out.printf("  %-16s %s%n", p.name(), p.description());
        }
        out.println();
        out.println("Presets (run --preset NAME):");
        for (String name : Presets.names()) {
            out.printf("  %-16s %s%n", name, Presets.description(name));
        }
        out.println();
        out.println("Hardware components (imcsim describe NAME for their counted actions):");
        for (ComponentCatalog.Entry e : ComponentCatalog.entries()) {
            out.printf("  %-20s %s%n", e.name(), e.description());
        }
        out.println();
        out.println("Model choices in the config:");
        for (ConfigKeys.KeyDoc d : ConfigKeys.choices()) {
            out.printf("  %-28s %s%n", d.path(), String.join(", ", d.choices()));
        }
        out.println();
        out.println("Config sections: " + String.join(", ", ConfigKeys.sections()));
        out.flush();
        return Main.OK;
    }
}
