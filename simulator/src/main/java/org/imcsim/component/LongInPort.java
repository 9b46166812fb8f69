package org.imcsim.component;

/**
 * An input port for primitive {@code long} payloads (an item id, an address, a timestamp, a
 * packed word). Deliveries call the handler given at declaration; nothing is boxed.
 */
public final class LongInPort extends BoundTarget implements Port {
    private final LongHandler handler;
    private boolean required = true;
    boolean connected;

    LongInPort(Component owner, String name, LongHandler handler) {
        super(owner, name);
        this.handler = handler;
        this.hotHandler = handler;
    }

    /** Marks the port optional (may stay unconnected). Only during construction; returns this. */
    public LongInPort optional() {
        owner.checkDeclaring("make " + path() + " optional");
        required = false;
        return this;
    }

    /**
     * Sets the priority band of deliveries to this port (default {@link org.imcsim.engine.Band#DELIVER}).
     * Only during construction; returns this.
     */
    public LongInPort band(int band) {
        setBand(band);
        return this;
    }

    /** The priority band of deliveries. */
    public int band() {
        return band;
    }

    @Override
    protected void onEvent(long arg, Object ref) {
        handler.onLong(arg);
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
        return true;
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
