package org.imcsim.component;

import org.imcsim.engine.Band;
import org.imcsim.engine.EventTarget;
import org.imcsim.engine.Simulator;

/**
 * An event target owned by a component (input port, timer, clock hook): it learns its simulator
 * and its handler index when the builder registers it.
 */
abstract class BoundTarget extends EventTarget {
    final Component owner;
    final String name;
    Simulator sim;
    int id = -1;
    int band = Band.DELIVER;
    /** The handler object (usually a method reference capturing the component), or null. */
    Object hotHandler;

    BoundTarget(Component owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    void bind(Simulator simulator, int targetId) {
        this.sim = simulator;
        this.id = targetId;
        // what a delivery reads first: handler, component, its counters, its first output port
        setWarmObjects(hotHandler, owner, owner.actionCounters(), owner.firstLongOut());
    }

    void setBand(int b) {
        owner.checkDeclaring("set the band of " + owner.path() + "." + name);
        band = Band.check(b);
    }
}
