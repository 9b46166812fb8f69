package org.imcsim.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.imcsim.engine.ClockDomain;
import org.imcsim.engine.EventQueue;
import org.imcsim.engine.RandomStreams;
import org.imcsim.engine.Simulator;
import org.imcsim.engine.CalendarEventQueue;

/**
 * Builds a system: holds the root component, records the links, and on {@link #build()}
 * validates the wiring and returns a runnable {@link Simulation}.
 *
 * <p>Checks, all before time 0: names (in the component constructors), each link's direction,
 * payload kind and type (an {@code OutPort<A>} may feed an {@code InPort<B>} only if {@code B} is
 * assignable from {@code A}; long ports only feed long ports), each output used by at most one
 * link, and finally every required port connected. Link-local problems are thrown by
 * {@code connect}; unconnected ports are collected and thrown together by {@code build}.
 */
public final class SystemBuilder {
    private final RandomStreams random;
    private final Component root;
    private final List<Component> components = new ArrayList<>();
    private final Map<String, Component> byPath = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private boolean built;

    /**
     * @param rootName name (and path) of the root component, e.g. {@code "chip"}
     * @param seed     the run seed from which every component's random stream derives
     */
    public SystemBuilder(String rootName, long seed) {
        this.random = new RandomStreams(seed);
        this.root = new Root(this, rootName);
    }

    /** The root component, parent of the top-level components. */
    public Component root() {
        return root;
    }

    /** The random streams of this run. */
    public RandomStreams randomStreams() {
        return random;
    }

    /** All components in creation order (root first). */
    public List<Component> components() {
        return Collections.unmodifiableList(components);
    }

    /** The links made so far. */
    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    /** The component at {@code path}, e.g. {@code chip.tile0}. @throws WiringException if none */
    public Component component(String path) {
        Component c = byPath.get(path);
        if (c == null) {
            throw new WiringException(path + ": no such component");
        }
        return c;
    }

    /** The port at {@code path}, e.g. {@code chip.tile0.in}. @throws WiringException if none */
    public Port port(String path) {
        int dot = path.lastIndexOf('.');
        Component c = dot < 0 ? null : byPath.get(path.substring(0, dot));
        Port p = c == null ? null : c.port(path.substring(dot + 1));
        if (p == null) {
            throw new WiringException(path + ": no such port");
        }
        return p;
    }

    /** Links two primitive ports with a latency in ps. */
    public Link connect(LongOutPort from, LongInPort to, long latencyPs) {
        return link(from, to, latencyPs);
    }

    /** Links two message ports with a latency in ps. */
    public <T> Link connect(OutPort<? extends T> from, InPort<T> to, long latencyPs) {
        return link(from, to, latencyPs);
    }

    /** Links two primitive ports with a latency of {@code cycles} of {@code clock} (see {@link ClockDomain#cyclesToPs}). */
    public Link connect(LongOutPort from, LongInPort to, long cycles, ClockDomain clock) {
        return link(from, to, cyclesToPs(from, cycles, clock));
    }

    /** Links two message ports with a latency of {@code cycles} of {@code clock}. */
    public <T> Link connect(OutPort<? extends T> from, InPort<T> to, long cycles, ClockDomain clock) {
        return link(from, to, cyclesToPs(from, cycles, clock));
    }

    /**
     * Links two ports given by path (for topologies read from a config); kinds and types are
     * checked at run time with the same messages.
     */
    public Link connect(String fromPath, String toPath, long latencyPs) {
        return link(port(fromPath), port(toPath), latencyPs);
    }

    /** Validates the wiring and makes a simulation on the default queue. */
    public Simulation build() {
        return build(new CalendarEventQueue());
    }

    /** Validates the wiring and makes a simulation on {@code queue} (empty). */
    public Simulation build(EventQueue queue) {
        checkBuilding("build");
        List<String> problems = new ArrayList<>();
        for (Component c : components) {
            for (Port p : c.ports().values()) {
                if (p.isRequired() && !p.isConnected()) {
                    problems.add(p.path() + ": required " + p.describe() + " port is not connected");
                }
            }
            Set<String> stats = new HashSet<>();
            for (String s : c.ownStatNames()) {
                if (!stats.add(s)) {
                    throw new WiringException(c.path() + ": two actions map to the statistic '" + s + "'");
                }
            }
            for (Component child : c.children()) {
                if (stats.contains(child.name())) {
                    problems.add(child.path() + ": child name clashes with a statistic of " + c.path());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new WiringException(problems);
        }
        built = true;
        Simulator sim = new Simulator(queue);
        for (Component c : components) {
            c.bindAll(sim);
        }
        for (Link l : links) {
            if (l.from() instanceof LongOutPort o) {
                LongInPort i = (LongInPort) l.to();
                o.bind(sim, i.id, i.band, l.latencyPs());
            } else {
                OutPort<?> o = (OutPort<?>) l.from();
                InPort<?> i = (InPort<?>) l.to();
                o.bind(sim, i.id, i.band, l.latencyPs());
            }
        }
        return new Simulation(sim, List.copyOf(components), root);
    }

    // ---- internals ----

    void checkBuilding(String what) {
        if (built) {
            throw new IllegalStateException("cannot " + what + ": the system is already built");
        }
    }

    void register(Component c) {
        components.add(c);
        byPath.put(c.path(), c);
    }

    private static long cyclesToPs(Port from, long cycles, ClockDomain clock) {
        Objects.requireNonNull(clock, "clock");
        if (cycles < 0) {
            throw new WiringException(from.path() + ": link latency must be >= 0 cycles, got " + cycles);
        }
        return clock.cyclesToPs(cycles);
    }

    private Link link(Port from, Port to, long latencyPs) {
        checkBuilding("connect " + from + " -> " + to);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String where = from.path() + " -> " + to.path() + ": ";
        if (from.isInput()) {
            throw new WiringException(where + from.path() + " is an input; a link starts at an output port");
        }
        if (!to.isInput()) {
            throw new WiringException(where + to.path() + " is an output; a link ends at an input port");
        }
        if (latencyPs < 0) {
            throw new WiringException(where + "link latency must be >= 0 ps, got " + latencyPs);
        }
        Class<?> out = from.payloadType();
        Class<?> in = to.payloadType();
        boolean ok = out == long.class ? in == long.class : in != long.class && in.isAssignableFrom(out);
        if (!ok) {
            throw new WiringException(where + "payload type mismatch: " + from.describe() + " cannot feed "
                    + to.describe() + " (" + typeName(out) + " is not a " + typeName(in) + ")");
        }
        if (from.isConnected()) {
            throw new WiringException(where + from.path() + " is already connected (an output feeds one link)");
        }
        if (from instanceof LongOutPort o) {
            o.connected = true;
            ((LongInPort) to).connected = true;
        } else {
            ((OutPort<?>) from).connected = true;
            ((InPort<?>) to).connected = true;
        }
        Link l = new Link(from, to, latencyPs);
        links.add(l);
        return l;
    }

    private static String typeName(Class<?> c) {
        return c == long.class ? "long" : c.getName();
    }

    /** The root: a plain container. */
    private static final class Root extends Component {
        Root(SystemBuilder b, String name) {
            super(b, null, name);
        }
    }
}
