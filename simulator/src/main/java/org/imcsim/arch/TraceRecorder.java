package org.imcsim.arch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects timeline spans for a Chrome trace: one lane per component instance, at most {@code cap} spans
 * (later spans are counted as dropped so the file stays bounded). Spans are stored in primitive arrays;
 * recording allocates only when the arrays grow. Not thread-safe (one simulation, one thread).
 */
public final class TraceRecorder {
    private final int cap;
    private final List<String> lanes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIds = new HashMap<>();
    private int[] lane = new int[1024];
    private int[] name = new int[1024];
    private long[] startPs = new long[1024];
    private long[] endPs = new long[1024];
    private int size;
    private long dropped;

    /** @param cap the most spans kept (&ge; 0) */
    public TraceRecorder(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("trace cap must be >= 0, got " + cap);
        }
        this.cap = cap;
    }

    /** Registers a lane (a component instance path) and returns its id. */
    public int lane(String path) {
        lanes.add(path);
        return lanes.size() - 1;
    }

    /** Interns a span name and returns its id. */
    public int name(String spanName) {
        return nameIds.computeIfAbsent(spanName, k -> {
            names.add(k);
            return names.size() - 1;
        });
    }

    /** Records a span on {@code laneId} from {@code fromPs} to {@code toPs} (ignored past the cap). */
    public void span(int laneId, int nameId, long fromPs, long toPs) {
        if (size >= cap) {
            dropped++;
            return;
        }
        if (size == lane.length) {
            int n = Math.min(cap, size * 2);
            lane = Arrays.copyOf(lane, n);
            name = Arrays.copyOf(name, n);
            startPs = Arrays.copyOf(startPs, n);
            endPs = Arrays.copyOf(endPs, n);
        }
        lane[size] = laneId;
        name[size] = nameId;
        startPs[size] = fromPs;
        endPs[size] = toPs;
        size++;
    }

    /** Spans kept. */
    public int size() {
        return size;
    }

    /** Spans dropped past the cap. */
    public long dropped() {
        return dropped;
    }

    /** Lane paths by id. */
    public List<String> lanes() {
        return List.copyOf(lanes);
    }

    /** Span names by id. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Lane of span {@code i}. */
    public int laneOf(int i) {
        return lane[i];
    }

    /** Name id of span {@code i}. */
    public int nameOf(int i) {
        return name[i];
    }

    /** Start of span {@code i}, ps. */
    public long startOf(int i) {
        return startPs[i];
    }

    /** End of span {@code i}, ps. */
    public long endOf(int i) {
        return endPs[i];
    }
}
