package org.imcsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.imcsim.arch.ComponentCatalog;
import org.imcsim.config.BadInputException;
import org.imcsim.config.ConfigKeys;
import org.imcsim.config.Presets;
import org.imcsim.config.Suggest;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.device.api.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code imcsim describe NAME}: a device model's parameters, a preset's content, a config section's or key's documentation. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe a device model (parameters, units, defaults, profiles), a preset, a config section or a config key.")
final class DescribeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "NAME", description = "A name from imcsim list, e.g. rram, default, periphery.adc, chip.interconnect.")
    String name;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        DeviceModels models = DeviceModels.discover();
        boolean found = false;
        if (models.names().contains(name)) {
            deviceModel(out, models.provider(name));
            found = true;
        }
        if (Presets.exists(name)) {
            if (found) {
                out.println();
            }
            out.println("Preset " + name + " (imcsim run --preset " + name + "):");
            out.println();
            out.print(Presets.text(name));
            found = true;
        }
        if (ConfigKeys.sectionType(name) != null && !name.isEmpty()) {
            if (found) {
                out.println();
            }
            section(out, name);
            found = true;
        }
        ComponentCatalog.Entry comp = ComponentCatalog.find(name);
        if (comp != null) {
            if (found) {
                out.println();
            }
            out.println("Hardware component " + comp.name() + " (" + comp.type().getSimpleName() + "): " + comp.description());
            out.println("  counted actions: " + (comp.actions().isEmpty() ? "none (control)" : String.join(", ", comp.actions())));
            out.println("  each action's energy, latency and area come from the cost model named in report.json provenance[]");
            found = true;
        }
        if (!found) {
            for (ConfigKeys.KeyDoc d : ConfigKeys.all()) {
                if (d.path().equals(name)) {
                    key(out, d);
                    found = true;
                }
            }
        }
        if (!found) {
            List<String> known = new ArrayList<>(models.names());
            known.addAll(Presets.names());
            known.addAll(ConfigKeys.sections());
            for (ComponentCatalog.Entry e : ComponentCatalog.entries()) {
                known.add(e.name());
            }
            for (ConfigKeys.KeyDoc d : ConfigKeys.all()) {
                known.add(d.path());
            }
            throw new BadInputException("describe", null, "unknown name \"" + name + "\"" + Suggest.hint(name, known)
                    + "; try a device model, a preset, a hardware component or a config section from imcsim list");
        }
        out.flush();
        return Main.OK;
    }

    private static void deviceModel(PrintWriter out, DeviceModelProvider p) {
        out.println("Device model " + p.name() + ": " + p.description());
        out.println();
        out.printf("  %-20s %-24s %-14s %s%n", "parameter", "unit", "default", "meaning");
        for (ParameterSpec s : p.parameters()) {
            out.printf("  %-20s %-24s %-14s %s%n", "device." + s.name(), s.unitLabel(),
                    s.defaultValue() == null ? "(required)" : s.defaultValue(), s.description());
        }
        Map<String, Map<String, String>> profiles = new TreeMap<>(p.profiles());
        if (!profiles.isEmpty()) {
            out.println();
            out.println("Profiles (device.profile):");
            for (Map.Entry<String, Map<String, String>> e : profiles.entrySet()) {
                StringBuilder sb = new StringBuilder();
                new TreeMap<>(e.getValue()).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
                out.printf("  %-20s %s%n", e.getKey(), sb);
            }
        }
    }

    private static void section(PrintWriter out, String path) {
        out.println("Config section " + path + ": " + ConfigKeys.sectionDescription(path));
        if (path.equals("device")) {
            out.println("  model and profile, then the model's own parameters (imcsim describe MODEL).");
        }
        out.println();
        out.printf("  %-32s %-28s %-14s %-16s %s%n", "key", "type", "default", "range", "meaning");
        for (ConfigKeys.KeyDoc d : ConfigKeys.keysOf(path)) {
            out.printf("  %-32s %-28s %-14s %-16s %s%n", d.path(), d.type(), d.defaultText(), d.range(), d.description());
        }
        List<String> subsections = new ArrayList<>();
        for (String s : ConfigKeys.sections()) {
            if (s.startsWith(path + ".") && s.indexOf('.', path.length() + 1) < 0) {
                subsections.add(s);
            }
        }
        if (!subsections.isEmpty()) {
            out.println("  sub-sections: " + String.join(", ", subsections));
        }
    }

    private static void key(PrintWriter out, ConfigKeys.KeyDoc d) {
        out.println("Config key " + d.path() + ": " + d.description());
        out.println("  type:    " + d.type());
        out.println("  default: " + d.defaultText());
        if (!d.range().isEmpty()) {
            out.println("  range:   " + d.range());
        }
    }

}
