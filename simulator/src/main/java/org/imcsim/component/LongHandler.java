package org.imcsim.component;

/** Receives a primitive {@code long} event (a port delivery or a timer); no boxing. */
@FunctionalInterface
public interface LongHandler {
    /** Called at the event's time with the value it was sent with. */
    void onLong(long value);
}
