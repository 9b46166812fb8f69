package org.imcsim.component;

/**
 * A named, typed connection point of a {@link Component}, declared in its constructor.
 * Output ports are linked to exactly one input port; an input port may receive several links
 * (fan-in). Ports are required unless marked {@code optional()}; the builder rejects an
 * unconnected required port before time 0.
 */
public sealed interface Port permits LongInPort, LongOutPort, InPort, OutPort {

    /** The port's name within its component. */
    String name();

    /** The owning component. */
    Component owner();

    /** Full path: owner path + "." + name. */
    default String path() {
        return owner().path() + "." + name();
    }

    /** True for input ports. */
    boolean isInput();

    /** The payload type: {@code long.class} for primitive ports, else the message class. */
    Class<?> payloadType();

    /** False when the port was marked optional. */
    boolean isRequired();

    /** True once a link attaches to this port. */
    boolean isConnected();

    /** A short description used in error messages, e.g. {@code "long input"}. */
    default String describe() {
        return (payloadType() == long.class ? "long" : payloadType().getSimpleName())
                + (isInput() ? " input" : " output");
    }
}
