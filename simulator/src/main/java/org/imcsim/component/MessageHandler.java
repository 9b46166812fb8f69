package org.imcsim.component;

/**
 * Receives a message object on an {@link InPort}. Messages are immutable (records, or
 * preallocated objects that are never mutated after sending), so a sender may keep and reuse
 * them: sending allocates nothing.
 *
 * @param <T> the payload type the port was declared with
 */
@FunctionalInterface
public interface MessageHandler<T> {
    /** Called at the event's time with the message that was sent. */
    void onMessage(T message);
}
