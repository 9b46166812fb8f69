package org.imcsim.component;

import org.imcsim.engine.Simulator;

/**
 * An output port for immutable message objects of type {@code T}. {@link #send} schedules a
 * delivery of the same object reference at the linked input after the link latency; reuse
 * preallocated messages to keep the hot path allocation-free.
 *
 * @param <T> payload type
 */
public final class OutPort<T> implements Port {
    private final Component owner;
    private final String name;
    private final Class<T> type;
    private boolean required = true;
    private Simulator sim;
    private int target = -1;
    private int band;
    private long latencyPs;
    boolean connected;

    OutPort(Component owner, String name, Class<T> type) {
        this.owner = owner;
        this.name = name;
        this.type = type;
    }

    /** Marks the port optional (may stay unconnected; sending on it then fails). Returns this. */
    public OutPort<T> optional() {
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

    /** Delivers {@code message} (non-null) to the linked input after the link latency. */
    public void send(T message) {
        sendAfter(0, message);
    }

    /** Delivers {@code message} after {@code extraDelayPs} (&ge; 0) plus the link latency. */
    public void sendAfter(long extraDelayPs, T message) {
        if (target < 0) {
            throw new IllegalStateException(path() + ": send on an unconnected output port");
        }
        if (message == null) {
            throw new NullPointerException(path() + ": null message");
        }
        if (extraDelayPs < 0) {
            throw new IllegalArgumentException(path() + ": negative delay " + extraDelayPs + " ps");
        }
        Simulator s = sim;
        s.schedule(s.nowPs() + extraDelayPs + latencyPs, band, target, 0L, message);
    }

    /** The latency of the attached link in ps (0 before wiring). */
    public long latencyPs() {
        return latencyPs;
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
    public Class<T> payloadType() {
        return type;
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
