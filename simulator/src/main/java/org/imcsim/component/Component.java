package org.imcsim.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.imcsim.engine.Simulator;

/**
 * Base class of every simulated block (one hardware block = one final subclass).
 *
 * <p><b>Structure.</b> A component has a name, unique among its siblings, and a parent; its path
 * is the parent's path + "." + name (the root's path is its name), e.g. {@code chip.tile0.adc3}.
 * In its constructor it declares its ports ({@link #longIn}, {@link #longOut}, {@link #in},
 * {@link #out}), timers ({@link #timer}), action counters ({@link #actions}) and whether it is
 * primary ({@link #primary()}). Links are made afterwards with {@link SystemBuilder#connect}.
 *
 * <p><b>Lifecycle.</b> build (constructors) → wire/validate ({@link SystemBuilder#build()}) →
 * {@link #setup()} (schedule initial events; in construction order) → run (handlers) →
 * {@link #finish()} (in construction order) → stats collection.
 *
 * <p><b>Statistics.</b> A component that declared actions reports each action count as
 * {@code path.action} and its busy time as {@code path.busyPs}; {@link #reportStats} may add
 * more values. Names must not clash with child component names.
 */
public abstract class Component {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Stats name of the busy time. */
    public static final String BUSY_PS = "busyPs";

    private final SystemBuilder builder;
    private final Component parent;
    private final String name;
    private final String path;
    private final List<Component> children = new ArrayList<>();
    private final Map<String, Component> childByName = new java.util.HashMap<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, LongTimer> timers = new LinkedHashMap<>();
    final List<BoundTarget> targets = new ArrayList<>();
    private Actions<?> actions;
    /** The first primitive output port, a prefetch hint for the engine. */
    private LongOutPort firstLongOut;
    private boolean primary;
    private boolean doneReported;
    private long busyPs;
    private RandomGenerator random;
    Simulator sim;

    /**
     * Creates a component under {@code parent} (for example {@code builder.root()}).
     *
     * @param name {@code [A-Za-z_][A-Za-z0-9_]*}, unique among the parent's children
     */
    protected Component(Component parent, String name) {
        this(Objects.requireNonNull(parent, "parent").builder, parent, name);
    }

    /** The root of a system (package-private: made by {@link SystemBuilder}). */
    Component(SystemBuilder builder, Component parent, String name) {
        this.builder = builder;
        this.parent = parent;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new WiringException((parent == null ? "" : parent.path + ": ") + "component name '" + name
                    + "' must match [A-Za-z_][A-Za-z0-9_]*");
        }
        this.name = name;
        this.path = parent == null ? name : parent.path + "." + name;
        builder.checkBuilding("create component " + path);
        if (parent != null) {
            if (parent.childByName.containsKey(name)) {
                throw new WiringException(path + ": a component of that name already exists");
            }
            if (parent.ports.containsKey(name)) {
                throw new WiringException(path + ": name clashes with a port of " + parent.path);
            }
            parent.children.add(this);
            parent.childByName.put(name, this);
        }
        builder.register(this);
    }

    /** The name within the parent. */
    public final String name() {
        return name;
    }

    /** The full dotted path, e.g. {@code chip.tile0.adc3}. */
    public final String path() {
        return path;
    }

    /** The parent, or null for the root. */
    public final Component parent() {
        return parent;
    }

    /** Children in creation order (unmodifiable). */
    public final List<Component> children() {
        return Collections.unmodifiableList(children);
    }

    /** Ports in declaration order (unmodifiable). */
    public final Map<String, Port> ports() {
        return Collections.unmodifiableMap(ports);
    }

    /** The port named {@code portName}, or null. */
    public final Port port(String portName) {
        return ports.get(portName);
    }

    /** True if {@link #primary()} was called: the run waits for this component's {@link #done()}. */
    public final boolean isPrimary() {
        return primary;
    }

    /** True once {@link #done()} was called. */
    public final boolean isDone() {
        return doneReported;
    }

    /** Busy time accumulated with {@link #addBusyPs}, in ps. */
    public final long busyPs() {
        return busyPs;
    }

    /** The action counters, or null if none were declared. */
    public final Actions<?> actionCounters() {
        return actions;
    }

    // ---- declarations (constructor only) ----

    /** Declares a primitive input port; deliveries call {@code handler}. */
    protected final LongInPort longIn(String portName, LongHandler handler) {
        return addPort(new LongInPort(this, checkPortName(portName), Objects.requireNonNull(handler, "handler")));
    }

    /** Declares a primitive output port. */
    protected final LongOutPort longOut(String portName) {
        LongOutPort p = addPort(new LongOutPort(this, checkPortName(portName)));
        if (firstLongOut == null) {
            firstLongOut = p;
        }
        return p;
    }

    /** Declares a message input port accepting {@code type} or subtypes. */
    protected final <T> InPort<T> in(String portName, Class<T> type, MessageHandler<? super T> handler) {
        if (type == null || type.isPrimitive()) {
            throw new WiringException(path + "." + portName + ": message ports need a reference type; use longIn");
        }
        return addPort(new InPort<>(this, checkPortName(portName), type, Objects.requireNonNull(handler, "handler")));
    }

    /** Declares a message output port sending {@code type}. */
    protected final <T> OutPort<T> out(String portName, Class<T> type) {
        if (type == null || type.isPrimitive()) {
            throw new WiringException(path + "." + portName + ": message ports need a reference type; use longOut");
        }
        return addPort(new OutPort<>(this, checkPortName(portName), type));
    }

    /** Declares a timer (an event to self carrying a {@code long}). */
    protected final LongTimer timer(String timerName, LongHandler handler) {
        checkDeclaring("declare timer " + timerName);
        if (timerName == null || !NAME.matcher(timerName).matches()) {
            throw new WiringException(path + ": timer name '" + timerName + "' must match [A-Za-z_][A-Za-z0-9_]*");
        }
        if (timers.containsKey(timerName)) {
            throw new WiringException(path + "." + timerName + ": a timer of that name already exists");
        }
        LongTimer t = new LongTimer(this, timerName, Objects.requireNonNull(handler, "handler"));
        timers.put(timerName, t);
        targets.add(t);
        return t;
    }

    /** The first primitive output port declared, or null (a prefetch hint for the engine). */
    final LongOutPort firstLongOut() {
        return firstLongOut;
    }

    /** Declares this component's action enum (once); returns its counters. */
    protected final <A extends Enum<A>> Actions<A> actions(Class<A> type) {
        checkDeclaring("declare actions");
        if (actions != null) {
            throw new WiringException(path + ": actions declared twice");
        }
        Actions<A> a = new Actions<>(Objects.requireNonNull(type, "type"), type.getEnumConstants());
        actions = a;
        return a;
    }

    /** Marks this component primary: the run ends when every primary component is {@link #done()}. */
    protected final void primary() {
        checkDeclaring("mark primary");
        primary = true;
    }

    // ---- run time ----

    /** The current simulated time in ps. */
    protected final long nowPs() {
        return sim.nowPs();
    }

    /** Reports this primary component done (once). */
    protected final void done() {
        if (!primary) {
            throw new IllegalStateException(path + ": done() on a component that is not primary");
        }
        if (doneReported) {
            throw new IllegalStateException(path + ": done() called twice");
        }
        doneReported = true;
        sim.primaryDone();
    }

    /** Adds {@code ps >= 0} of busy time (for utilisation = busyPs / end time). */
    protected final void addBusyPs(long ps) {
        if (ps < 0) {
            throw new IllegalArgumentException(path + ": negative busy time " + ps);
        }
        busyPs += ps;
    }

    /** This component's random stream, derived from (run seed, path); created on first use. */
    protected final RandomGenerator random() {
        if (random == null) {
            random = builder.randomStreams().forPath(path);
        }
        return random;
    }

    /** Schedules initial events; called once after wiring, before time 0's first event. */
    protected void setup() {
    }

    /** Called once after the run (e.g. to account for a busy period still open). */
    protected void finish() {
    }

    /** Adds component-specific values to the stats tree (names relative to this component). */
    protected void reportStats(StatWriter out) {
    }

    // ---- package internals ----

    void checkDeclaring(String what) {
        builder.checkBuilding(what);
    }

    /** Names this component contributes to the stats tree directly. */
    List<String> ownStatNames() {
        List<String> names = new ArrayList<>();
        if (actions != null) {
            for (Enum<?> a : actions.constants()) {
                names.add(Actions.statName(a));
            }
            names.add(BUSY_PS);
        }
        return names;
    }

    private String checkPortName(String portName) {
        checkDeclaring("declare port " + portName);
        if (portName == null || !NAME.matcher(portName).matches()) {
            throw new WiringException(path + ": port name '" + portName + "' must match [A-Za-z_][A-Za-z0-9_]*");
        }
        if (ports.containsKey(portName)) {
            throw new WiringException(path + "." + portName + ": a port of that name already exists");
        }
        if (childByName.containsKey(portName)) {
            throw new WiringException(path + "." + portName + ": port name clashes with a child component");
        }
        return portName;
    }

    private <P extends Port> P addPort(P p) {
        ports.put(p.name(), p);
        if (p instanceof BoundTarget t) {
            targets.add(t);
        }
        return p;
    }

    void bindAll(Simulator simulator) {
        this.sim = simulator;
        for (BoundTarget t : targets) {
            t.bind(simulator, simulator.register(t));
        }
        if (primary) {
            simulator.addPrimary();
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
