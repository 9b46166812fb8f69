package org.imcsim.component;

import java.util.List;
import org.imcsim.engine.RunSummary;
import org.imcsim.engine.Simulator;
import org.imcsim.engine.StatsTree;
import org.imcsim.engine.StopReason;

/**
 * A built, validated system ready to run: phases setup → run → finish, each once.
 *
 * <p>{@link #run(long)} does all three. Benchmarks and step-wise tests may instead call
 * {@link #setup()}, then {@link #runEvents(long)} any number of times, then {@link #finish()}.
 */
public final class Simulation {
    private enum Phase { BUILT, SET_UP, FINISHED }

    private final Simulator sim;
    private final List<Component> components;
    private final Component root;
    private Phase phase = Phase.BUILT;
    private StopReason lastReason;

    Simulation(Simulator sim, List<Component> components, Component root) {
        this.sim = sim;
        this.components = components;
        this.root = root;
    }

    /** The engine underneath (time, pending events, heartbeat settings). */
    public Simulator simulator() {
        return sim;
    }

    /** The root component. */
    public Component root() {
        return root;
    }

    /** Runs every component's {@link Component#setup()} in creation order. */
    public void setup() {
        if (phase != Phase.BUILT) {
            throw new IllegalStateException("setup() already done");
        }
        phase = Phase.SET_UP;
        for (Component c : components) {
            c.setup();
        }
    }

    /** Handles up to {@code maxEvents} events (no time limit); returns how many were handled. */
    public long runEvents(long maxEvents) {
        requireSetUp();
        return sim.runEvents(maxEvents);
    }

    /**
     * Setup (if not done), run until all primaries are done, the queue is empty or the next
     * event is later than {@code timeLimitPs}, then finish and collect the stats.
     */
    public SimulationResult run(long timeLimitPs) {
        if (phase == Phase.BUILT) {
            setup();
        }
        requireSetUp();
        RunSummary s = sim.run(timeLimitPs);
        lastReason = s.reason();
        return finish();
    }

    /** {@link #run(long)} without a time limit. */
    public SimulationResult run() {
        return run(Long.MAX_VALUE);
    }

    /** Runs every component's {@link Component#finish()} and collects the stats tree. */
    public SimulationResult finish() {
        requireSetUp();
        phase = Phase.FINISHED;
        for (Component c : components) {
            c.finish();
        }
        if (lastReason == null) { // stepped with runEvents: say where it stands
            lastReason = sim.primaries() > 0 && sim.primariesDone() == sim.primaries() ? StopReason.ALL_PRIMARY_DONE
                    : sim.pendingEvents() == 0 ? StopReason.QUEUE_EMPTY : StopReason.STOP_REQUESTED;
        }
        StatsTree.Builder b = StatsTree.builder();
        for (Component c : components) {
            Actions<?> a = c.actionCounters();
            if (a != null) {
                Enum<?>[] constants = a.constants();
                for (int i = 0; i < constants.length; i++) {
                    b.put(c.path() + "." + Actions.statName(constants[i]), a.count(i));
                }
                b.put(c.path() + "." + Component.BUSY_PS, c.busyPs());
            }
            c.reportStats(new StatWriter(b, c.path()));
        }
        return new SimulationResult(b.build(), sim.nowPs(), sim.eventsHandled(), lastReason);
    }

    private void requireSetUp() {
        if (phase != Phase.SET_UP) {
            throw new IllegalStateException(phase == Phase.BUILT ? "call setup() first" : "the simulation has finished");
        }
    }
}
