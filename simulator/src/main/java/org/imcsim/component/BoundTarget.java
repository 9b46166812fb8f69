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
    }

    /**
     * Touches what a delivery to this target reads first: the handler object, the owning
     * component, its action counters and its first primitive output port.
     */
    @Override
    protected int prefetch() {
        Object h = hotHandler;
        return (h != null && h.getClass() == BoundTarget.class ? 1 : 0) + owner.prefetchState();
    }

    void setBand(int b) {
        owner.checkDeclaring("set the band of " + owner.path() + "." + name);
        band = Band.check(b);
    }
}
