package org.imcsim.engine;

/**
 * What a run did.
 *
 * @param reason        why it stopped
 * @param endTimePs     simulated time at the end: the time of the last event handled, or the
 *                      time limit when {@link StopReason#TIME_LIMIT}
 * @param events        events handled in this run
 * @param pendingEvents events still queued at the end
 */
public record RunSummary(StopReason reason, long endTimePs, long events, int pendingEvents) {
}
