package org.imcsim.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One design point of an expanded sweep. Its id is {@code p<index>-<hash>}: the index in the expanded,
 * ordered point list (zero-padded), and the first 8 hex digits of the SHA-256 of its parameters, so an
 * id names the same parameters in every run, shard and merge.
 *
 * @param index    position in the expanded point list (after constraints), from 0
 * @param id       stable id, e.g. {@code p0042-1a2b3c4d}
 * @param settings the value of every swept parameter, by config path, in parameter order
 * @param seed     the point's {@code simulation.seed}
 */
public record SweepPoint(int index, String id, Map<String, Setting> settings, long seed) {
    public SweepPoint {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Parameters as shown in results: path → value (a named choice by its name), in parameter order. */
    public ObjectNode parametersJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        settings.forEach((p, s) -> o.set(p, s.label() != null ? JsonNodeFactory.instance.textNode(s.label()) : s.value()));
        return o;
    }

    /** The display text of each parameter, in the order of {@code paths}. */
    public List<String> displays(List<String> paths) {
        return paths.stream().map(p -> settings.get(p).display()).toList();
    }
}
