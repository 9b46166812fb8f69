package org.imcsim.component;

/**
 * An input port for immutable message objects of type {@code T} (or a subtype). The builder
 * checks at wiring time that the linked output port's type is assignable to {@code T}, so the
 * delivery path needs no reflection and no type tag.
 *
 * @param <T> payload type
 */
public final class InPort<T> extends BoundTarget implements Port {
    private final Class<T> type;
    private final MessageHandler<? super T> handler;
    private boolean required = true;
    boolean connected;

    InPort(Component owner, String name, Class<T> type, MessageHandler<? super T> handler) {
        super(owner, name);
        this.type = type;
        this.handler = handler;
        this.hotHandler = handler;
    }

    /** Marks the port optional (may stay unconnected). Only during construction; returns this. */
    public InPort<T> optional() {
        owner.checkDeclaring("make " + path() + " optional");
        required = false;
        return this;
    }

    /** Sets the priority band of deliveries (default DELIVER). Only during construction. */
    public InPort<T> band(int band) {
        setBand(band);
        return this;
    }

    /** The priority band of deliveries. */
    public int band() {
        return band;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void onEvent(long arg, Object ref) {
        // the cast is unchecked (erasure): the builder verified the linked output's type
        handler.onMessage((T) ref);
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
