package org.imcsim.component;

import org.imcsim.engine.Simulator;

/**
 * An output port for primitive {@code long} payloads. {@link #send} schedules a delivery at the
 * linked input port after the link's latency; it allocates nothing.
 */
public final class LongOutPort implements Port {
    private final Component owner;
    private final String name;
    private boolean required = true;
    private Simulator sim;
    private int target = -1;
    private int band;
    private long latencyPs;
    boolean connected;

    LongOutPort(Component owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    /** Marks the port optional (may stay unconnected; sending on it then fails). Returns this. */
    public LongOutPort optional() {
        owner.checkDeclaring("make " + path() + " optional");
        required = false;
        return this;
    }

    void bind(Simulator simulator, int targetId, int targetBand, long linkLatencyPs) {
        sim = simulator;
        target = targetId;
        band = targetBand;
        latencyPs = linkLatencyPs;
    }

    /** Delivers {@code value} to the linked input after the link latency. */
    public void send(long value) {
        if (target < 0) {
            throw notConnected();
        }
        Simulator s = sim;
        s.schedule(s.nowPs() + latencyPs, band, target, value, null);
    }

    /**
     * Delivers {@code value} after {@code extraDelayPs} (&ge; 0, e.g. serialisation or queueing
     * time) plus the link latency.
     */
    public void sendAfter(long extraDelayPs, long value) {
        if ((target | extraDelayPs) < 0) {
            throw badSend(extraDelayPs);
        }
        Simulator s = sim;
        s.schedule(s.nowPs() + extraDelayPs + latencyPs, band, target, value, null);
    }

    private RuntimeException badSend(long extraDelayPs) {
        if (target < 0) {
            return notConnected();
        }
        return new IllegalArgumentException(path() + ": negative delay " + extraDelayPs + " ps");
    }

    /** The latency of the attached link in ps (0 before wiring). */
    public long latencyPs() {
        return latencyPs;
    }

    private IllegalStateException notConnected() {
        return new IllegalStateException(path() + ": send on an unconnected output port");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Component owner() {
        return owner;
    }

    @Override
    public boolean isInput() {
        return false;
    }

    @Override
    public Class<?> payloadType() {
        return long.class;
    }

    @Override
    public boolean isRequired() {
        return required;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String toString() {
        return path();
    }
}
