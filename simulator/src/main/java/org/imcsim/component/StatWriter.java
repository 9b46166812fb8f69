package org.imcsim.component;

import org.imcsim.engine.StatsTree;

/** Lets a component add named values under its own path to the stats tree. */
public final class StatWriter {
    private final StatsTree.Builder tree;
    private final String prefix;

    StatWriter(StatsTree.Builder tree, String prefix) {
        this.tree = tree;
        this.prefix = prefix;
    }

    /** Adds {@code value} as {@code <component path>.<name>}; {@code name} may contain dots. */
    public StatWriter put(String name, long value) {
        tree.put(prefix + "." + name, value);
        return this;
    }
}
