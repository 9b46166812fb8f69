package org.imcsim.engine;

/** Why a run ended. */
public enum StopReason {
    /** Every primary component reported done. */
    ALL_PRIMARY_DONE,
    /** The next event lies beyond the time limit. */
    TIME_LIMIT,
    /** No event was pending. */
    QUEUE_EMPTY,
    /** Someone called {@link Simulator#requestStop()} (not after all primaries were done). */
    STOP_REQUESTED
}
