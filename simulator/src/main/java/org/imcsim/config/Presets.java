package org.imcsim.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Configs shipped in the jar under {@code presets/NAME.yaml} and listed, one name per line, in
 * {@code presets/index.txt}. {@code default} is the run {@code imcsim run} does without arguments;
 * {@code neurosim} is NeuroSim V1.4's RRAM VGG8 baseline.
 */
public final class Presets {
    /** The preset used when {@code run} is given neither a config nor a preset. */
    public static final String DEFAULT = "default";

    private static final List<String> NAMES = loadIndex();

    private Presets() {
    }

    /** Preset names in index order. */
    public static List<String> names() {
        return NAMES;
    }

    /** True if {@code name} is a shipped preset. */
    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    /** The preset's YAML text; an unknown name is a {@link BadInputException} on {@code --preset}. */
    public static String text(String name) {
        if (!exists(name)) {
            throw new BadInputException("--preset", null, "unknown preset \"" + name + "\"" + Suggest.hint(name, NAMES)
                    + "; known: " + String.join(", ", NAMES));
        }
        String text = resource("presets/" + name + ".yaml");
        if (text == null) {
            throw new IllegalStateException("preset " + name + " is listed in presets/index.txt but presets/" + name + ".yaml is missing");
        }
        return text;
    }

    /** The preset's {@code description:} line, or the empty string. */
    public static String description(String name) {
        JsonNode d = ConfigDocument.preset(name).tree().get("description");
        return d == null || !d.isTextual() ? "" : d.textValue();
    }

    /** How errors name a preset's text. */
    static String sourceName(String name) {
        return "preset " + name;
    }

    private static List<String> loadIndex() {
        String index = resource("presets/index.txt");
        if (index == null) {
            throw new IllegalStateException("presets/index.txt is missing from the class path");
        }
        List<String> names = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                names.add(l);
            }
        }
        return Collections.unmodifiableList(names);
    }

    private static String resource(String path) {
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
