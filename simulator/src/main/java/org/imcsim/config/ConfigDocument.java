package org.imcsim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.device.api.DeviceParameterException;
import org.imcsim.device.api.ParameterSpec;

/**
 * A config as read (a file, a preset or text) plus the overrides applied to it, before binding:
 * a Jackson tree, where each key came from ({@code file:line} or {@code --set}), and the folder
 * relative workload paths resolve against. Immutable: {@link #with} returns a new document.
 * {@link #bind()} produces the validated {@link Config}; every problem is one
 * {@link BadInputException} naming the source and the field.
 *
 * <pre>{@code
 * Config c = ConfigDocument.read(Path.of("my.yaml"))
 *         .with("crossbar.rows=64", "--set")
 *         .bind();
 * }</pre>
 */
public final class ConfigDocument {
    private final ObjectNode tree;
    private final String sourceName;
    private final Map<String, String> locations;
    private final Path baseDirectory;
    private final List<String> overrides;

    private ConfigDocument(ObjectNode tree, String sourceName, Map<String, String> locations, Path baseDirectory,
                           List<String> overrides) {
        this.tree = tree;
        this.sourceName = sourceName;
        this.locations = locations;
        this.baseDirectory = baseDirectory;
        this.overrides = overrides;
    }

    /** Reads a YAML ({@code .yaml}, {@code .yml}, anything else) or JSON ({@code .json}) file. */
    public static ConfigDocument read(Path file) {
        return read(file, file.toString());
    }

    /** As {@link #read(Path)}, naming the file {@code name} in messages (e.g. the path as the user typed it). */
    public static ConfigDocument read(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(name, null, "is a directory; expected a YAML or JSON config file");
        }
        String text;
        try {
            // a strict decoder, so a binary file is reported instead of read as replacement characters
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new BadInputException(name, null, "no such file (folder " + file.getParent() + " does not exist)", e);
            }
            throw new BadInputException(name, null, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name, null, "cannot read: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, null, "is not UTF-8 text; expected a YAML or JSON config file", e);
        } catch (IOException e) {
            throw new BadInputException(name, null, "cannot read: " + e.getMessage(), e);
        }
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        Path parent = file.toAbsolutePath().getParent();
        return parse(text, name, json, parent == null ? Path.of("").toAbsolutePath() : parent);
    }

    /** A preset shipped in the jar ({@link Presets}); relative paths resolve against the working directory. */
    public static ConfigDocument preset(String name) {
        return parse(Presets.text(name), Presets.sourceName(name), false, Path.of("").toAbsolutePath());
    }

    /**
     * Parses config text.
     *
     * @param sourceName    how errors name the text (a file name)
     * @param json          strict JSON instead of YAML
     * @param baseDirectory where relative workload paths resolve
     */
    public static ConfigDocument parse(String text, String sourceName, boolean json, Path baseDirectory) {
        Map<String, String> locations = new HashMap<>();
        ObjectNode tree = ConfigTreeReader.read(text, sourceName, json, locations);
        return new ConfigDocument(tree, sourceName, Collections.unmodifiableMap(locations), baseDirectory, List.of());
    }

    /** A document holding a bound config (to derive variants with {@link #with}); named {@code sourceName}. */
    public static ConfigDocument of(Config config, String sourceName, Path baseDirectory) {
        return new ConfigDocument(ConfigBinder.toTree(config), sourceName, Map.of(), baseDirectory, List.of());
    }

    /**
     * Applies one override {@code path=value} (the value is read as YAML: {@code 64}, {@code true},
     * {@code 1GHz}, {@code {bits: 6}}) on the tree, so it is validated exactly like a file value.
     * The path must name a key of the config (any key under {@code device:} is passed to the
     * device model); errors name {@code source} (e.g. {@code "--set"}) and the path.
     */
    public ConfigDocument with(String assignment, String source) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new BadInputException(source, null, "expected path=value (e.g. crossbar.rows=64), got \"" + assignment + "\"");
        }
        String path = assignment.substring(0, eq).strip();
        String valueText = assignment.substring(eq + 1).strip();
        checkPath(path, source);
        JsonNode value = ConfigTreeReader.readValue(valueText, source, path);
        return with(path, value, source, path + "=" + valueText);
    }

    /** Applies every override in order, each named {@code source}. */
    public ConfigDocument withAll(List<String> assignments, String source) {
        ConfigDocument d = this;
        for (String a : assignments) {
            d = d.with(a, source);
        }
        return d;
    }

    /** Sets {@code path} to {@code value} (already a tree node); see {@link #with(String, String)}. */
    public ConfigDocument with(String path, JsonNode value, String source) {
        checkPath(path, source);
        return with(path, value, source, path + "=" + (value.isTextual() ? value.textValue() : value.toString()));
    }

    private ConfigDocument with(String path, JsonNode value, String source, String shown) {
        ObjectNode copy = tree.deepCopy();
        String[] seg = path.split("\\.");
        ObjectNode parent = copy;
        String at = "";
        for (int i = 0; i < seg.length - 1; i++) {
            at = ConfigBinder.join(at, seg[i]);
            JsonNode child = parent.get(seg[i]);
            if (child == null) {
                child = parent.putObject(seg[i]);
            } else if (!child.isObject()) {
                throw new BadInputException(sourceOf(at), at, "expected a section (a mapping of keys), got " + ConfigBinder.show(child));
            }
            parent = (ObjectNode) child;
        }
        parent.set(seg[seg.length - 1], value.deepCopy());
        Map<String, String> locs = new HashMap<>(locations);
        locs.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + ".") || k.startsWith(path + "["));
        locs.put(path, source);
        List<String> ov = new ArrayList<>(overrides);
        ov.add(shown);
        return new ConfigDocument(copy, sourceName, Collections.unmodifiableMap(locs), baseDirectory, List.copyOf(ov));
    }

    /**
     * Checks a value given for {@code path} on its own, as a sweep does for every value it will set before
     * anything runs: the path is a config key, and the value has the key's type, unit or choice and lies in
     * its documented range. Rules between keys (e.g. {@code colsPerAdc} dividing {@code cols}) are checked
     * when a whole config binds; section values and device-model parameters too.
     *
     * @throws BadInputException naming {@code source} and the path
     */
    public static void checkValue(String path, JsonNode value, String source) {
        ConfigBinder.Key k = checkPath(path, source);
        if (k == null || k.isSection() || k.isOtherKeys()) {
            return;
        }
        Object v = new ConfigBinder(p -> source).valueOf(k, value, path);
        if (v instanceof Number n) {
            Param p = k.param();
            double x = n.doubleValue();
            boolean low = x < p.min() || (p.minExclusive() && x == p.min());
            boolean high = x > p.max() || (p.maxExclusive() && x == p.max());
            if (low || high) {
                throw new BadInputException(source, path, "must be " + ConfigKeys.range(p) + ", got " + ConfigBinder.show(value));
            }
        }
    }

    /**
     * Checks that {@code path} names a key of the config schema and returns its declared key (null for a
     * device-model parameter, which the provider checks at bind time); errors name {@code source}.
     */
    private static ConfigBinder.Key checkPath(String path, String source) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new BadInputException(source, path.isEmpty() ? null : path, "expected a dotted config path like crossbar.rows");
        }
        String[] seg = path.split("\\.");
        Class<? extends Record> type = Config.class;
        String at = "";
        for (int i = 0; i < seg.length; i++) {
            boolean last = i == seg.length - 1;
            ConfigBinder.Key found = null;
            boolean open = false;
            for (ConfigBinder.Key k : ConfigBinder.keys(type)) {
                if (k.isOtherKeys()) {
                    open = true;
                } else if (k.name().equals(seg[i])) {
                    found = k;
                }
            }
            String here = ConfigBinder.join(at, seg[i]);
            if (found == null) {
                if (open && last) {
                    return null; // a provider parameter under device:, checked by the provider at bind time
                }
                List<String> known = ConfigBinder.keyNames(type);
                throw new BadInputException(source, here, "no such config key" + Suggest.hint(seg[i], known)
                        + "; known keys" + (at.isEmpty() ? "" : " of " + at) + ": " + String.join(", ", known));
            }
            if (!found.isSection() && !last) {
                throw new BadInputException(source, path, here + " is a value, not a section");
            }
            if (found.isSection()) {
                type = found.sectionType();
            }
            at = here;
            if (last) {
                return found;
            }
        }
        return null;
    }

    /** Binds and validates with the device models visible to this class's loader. */
    public Config bind() {
        return bind(DeviceModels.discover());
    }

    /**
     * Binds the tree to a {@link Config} and builds the device model once so that every bad value,
     * including device parameters, is reported now as one {@link BadInputException}.
     */
    public Config bind(DeviceModels registry) {
        Config c = new ConfigBinder(this::sourceOf).bind(Config.class, tree, "");
        try {
            c.deviceModel(registry);
        } catch (DeviceParameterException e) {
            String path = "device." + e.key();
            throw new BadInputException(sourceOf(path), path, e.detail() + deviceHint(e, c.device(), registry), e);
        }
        return c;
    }

    private static String deviceHint(DeviceParameterException e, DeviceConfig d, DeviceModels registry) {
        if (e.key().equals("model")) {
            return Suggest.hint(d.model(), registry.names());
        }
        if (!registry.names().contains(d.model())) {
            return "";
        }
        DeviceModelProvider p = registry.provider(d.model());
        if (e.key().equals("profile") && d.profile() != null) {
            return Suggest.hint(d.profile(), p.profiles().keySet());
        }
        if (e.detail().startsWith("unknown parameter")) {
            List<String> names = new ArrayList<>();
            for (ParameterSpec s : p.parameters()) {
                names.add(s.name());
            }
            return Suggest.hint(e.key(), names);
        }
        return "";
    }

    /** Where {@code path} came from: its own entry, else its nearest ancestor's, else the document's source name. */
    public String sourceOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            String s = locations.get(p);
            if (s != null) {
                return s;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return sourceName;
    }

    /** A copy of the tree (with overrides applied). */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** The file name, {@code preset NAME}, or the name given to {@link #parse}. */
    public String sourceName() {
        return sourceName;
    }

    /** The folder relative workload paths resolve against (the config file's folder, or the working directory). */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The overrides applied, as {@code path=value}, in order. */
    public List<String> overrides() {
        return overrides;
    }

    /** A config section (or the whole config) as a tree: declaration order, quantities with units. */
    public static ObjectNode treeOf(Record section) {
        return ConfigBinder.toTree(section);
    }

    /**
     * The config as a tree for reports: every section with its defaults filled in, and the device
     * section exactly as given (model, profile and the parameters written), typed by each
     * parameter's declared kind. Device parameters are not expanded to their defaults here because
     * a provider may derive one parameter from another only when the user did not set it (e.g.
     * gMax from ron); the expanded list is {@link DeviceConfig#resolvedParameters}, which reports
     * print separately. The tree re-binds to an equal config.
     */
    public static ObjectNode resolvedTreeOf(Config config, DeviceModels registry) {
        ObjectNode t = ConfigBinder.toTree(config);
        ObjectNode dev = (ObjectNode) t.get("device");
        Map<String, ParameterSpec.Kind> kinds = new HashMap<>();
        for (ParameterSpec s : registry.provider(config.device().model()).parameters()) {
            kinds.put(s.name(), s.kind());
        }
        config.device().parameters().forEach((k, v) -> dev.set(k, typed(v, kinds.get(k))));
        return t;
    }

    /** A device parameter as the JSON type its declared kind suggests ({@code 2}, {@code 17}, {@code true}), else as text. */
    private static JsonNode typed(String v, ParameterSpec.Kind kind) {
        String s = v.strip();
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            if (kind == ParameterSpec.Kind.INTEGER) {
                return f.numberNode(Long.parseLong(s));
            }
            if (kind == ParameterSpec.Kind.NUMBER) {
                return s.matches("[-+]?[0-9]+") ? f.numberNode(Long.parseLong(s)) : f.numberNode(Double.parseDouble(s));
            }
        } catch (NumberFormatException e) {
            // written in another accepted form (e.g. "3%"): keep the text
        }
        if (kind == ParameterSpec.Kind.BOOLEAN && (s.equals("true") || s.equals("false"))) {
            return f.booleanNode(Boolean.parseBoolean(s));
        }
        return TextNode.valueOf(v);
    }
}
