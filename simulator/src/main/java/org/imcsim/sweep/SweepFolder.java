package org.imcsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imcsim.config.BadInputException;
import org.imcsim.config.ConfigDocument;
import org.imcsim.report.AtomicFiles;

/**
 * The files of a sweep output folder besides the results: {@code sweep.yaml} (the spec as given),
 * {@code base-config.json} (the base config tree with its overrides), {@code plan.json} (every point of
 * the sweep: id, index, seed, parameters) and {@code manifest.json} (fingerprints: SHA-256 of the spec
 * text and of the base tree, the shard, the point count). Nothing here depends on the thread count or
 * the clock, so two runs of the same sweep write identical folders.
 */
public final class SweepFolder {
    public static final String MANIFEST = "manifest.json";
    public static final String SPEC = "sweep.yaml";
    public static final String BASE = "base-config.json";
    public static final String PLAN = "plan.json";
    /** Layout version of the folder. */
    public static final int FORMAT = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A folder's manifest.
     *
     * @param specSha256 SHA-256 of the spec text
     * @param baseSha256 SHA-256 of the base config tree (canonical JSON)
     * @param specSource how the spec was named when the sweep started
     * @param baseSource the base config's source (file or {@code preset NAME})
     * @param points     points in the whole sweep
     * @param shard      the shard this folder holds, or null for all points (a plain run or a merge)
     * @param version    the imcsim version that started it
     */
    public record Manifest(String specSha256, String baseSha256, String specSource, String baseSource, int points, Shard shard,
                           String version) {
        ObjectNode toJson() {
            ObjectNode o = NODES.objectNode();
            o.put("format", FORMAT);
            o.put("imcsimVersion", version);
            o.put("points", points);
            o.put("shard", shard == null ? null : shard.toString());
            ObjectNode s = o.putObject("spec");
            s.put("file", SPEC);
            s.put("source", specSource);
            s.put("sha256", specSha256);
            ObjectNode b = o.putObject("base");
            b.put("file", BASE);
            b.put("source", baseSource);
            b.put("sha256", baseSha256);
            return o;
        }

        static Manifest fromJson(JsonNode o, Path file) {
            try {
                if (o.path("format").asInt() != FORMAT) {
                    throw new IllegalArgumentException("format " + o.path("format") + ", expected " + FORMAT);
                }
                JsonNode sh = o.get("shard");
                return new Manifest(text(o.path("spec"), "sha256"), text(o.path("base"), "sha256"),
                        text(o.path("spec"), "source"), text(o.path("base"), "source"), o.path("points").intValue(),
                        sh == null || sh.isNull() ? null : Shard.parse(sh.textValue()), o.path("imcsimVersion").asText());
            } catch (RuntimeException e) {
                throw new BadInputException(file.toString(), null, "is not a sweep manifest: " + e.getMessage(), e);
            }
        }

        private static String text(JsonNode n, String k) {
            if (!n.path(k).isTextual()) {
                throw new IllegalArgumentException("missing " + k);
            }
            return n.get(k).textValue();
        }

        /** The same folder content for all points (a merged folder). */
        Manifest unsharded() {
            return new Manifest(specSha256, baseSha256, specSource, baseSource, points, null, version);
        }
    }

    private SweepFolder() {
    }

    /** The canonical text of a base document's tree (with its overrides), hashed into the manifest. */
    static String baseText(ConfigDocument base) {
        return pretty(base.tree());
    }

    /** The manifest a plan writes. */
    static Manifest manifestOf(SweepPlan plan, ConfigDocument originalBase, Shard shard, String version) {
        return new Manifest(Hashing.sha256(plan.spec().text()), Hashing.sha256(baseText(originalBase)), plan.spec().sourceName(),
                originalBase.sourceName(), plan.points().size(), shard, version);
    }

    /** True if {@code dir} holds a sweep (its manifest). */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** Reads the manifest of a sweep folder. */
    public static Manifest readManifest(Path dir) {
        Path f = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(f)) {
            throw new BadInputException(dir.toString(), null, "holds no sweep (no " + MANIFEST + ")");
        }
        try {
            return Manifest.fromJson(PointResult.JSON.readTree(Files.readString(f)), f);
        } catch (JsonProcessingException e) {
            throw new BadInputException(f.toString(), null, "is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(f.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes the spec copy, base tree, plan and manifest (each atomically). */
    static void writeHeader(Path dir, SweepPlan plan, ConfigDocument originalBase, Manifest manifest) throws IOException {
        writeHeader(dir, plan.spec().text(), baseText(originalBase), planJson(plan.points()), manifest);
    }

    static void writeHeader(Path dir, String specText, String baseText, String planText, Manifest manifest) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(SPEC), specText.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(BASE), baseText.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(PLAN), planText.getBytes(StandardCharsets.UTF_8));
        // the manifest last: a folder with a manifest has its header complete
        AtomicFiles.write(dir.resolve(MANIFEST), pretty(manifest.toJson()).getBytes(StandardCharsets.UTF_8));
    }

    /** plan.json: every point of the sweep, one per line inside a JSON array (diff-friendly). */
    static String planJson(List<SweepPoint> points) {
        StringBuilder sb = new StringBuilder("{\"format\": " + FORMAT + ", \"points\": [\n");
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            ObjectNode o = NODES.objectNode();
            o.put("id", p.id());
            o.put("index", p.index());
            o.put("seed", p.seed());
            o.set("parameters", p.parametersJson());
            sb.append("  ").append(o).append(i + 1 < points.size() ? ",\n" : "\n");
        }
        return sb.append("]}\n").toString();
    }

    /** A planned point as stored in plan.json. */
    public record PlannedPoint(String id, int index, long seed, ObjectNode parameters) {
    }

    /** Reads plan.json. */
    public static List<PlannedPoint> readPlan(Path dir) {
        Path f = dir.resolve(PLAN);
        try {
            JsonNode root = PointResult.JSON.readTree(Files.readString(f));
            List<PlannedPoint> out = new ArrayList<>();
            for (JsonNode p : root.path("points")) {
                out.add(new PlannedPoint(p.get("id").textValue(), p.get("index").intValue(), p.get("seed").longValue(),
                        (ObjectNode) p.get("parameters")));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(f.toString(), null, "is not a sweep plan: " + e.getMessage(), e);
        }
    }

    /** Reads the stored spec. */
    public static SweepSpec readSpec(Path dir) {
        return SweepSpec.read(dir.resolve(SPEC), dir.resolve(SPEC).toString());
    }

    /** Files of {@code dir} (for the "is it empty" check). */
    static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static String pretty(JsonNode n) {
        try {
            com.fasterxml.jackson.core.util.DefaultIndenter lf = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
            return PointResult.JSON.writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withObjectIndenter(lf).withArrayIndenter(lf)).writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
