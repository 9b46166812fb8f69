/**
 * The discrete-event engine: integer-picosecond time, clock domains, the pending-event set, the
 * run loop with termination and heartbeat, seeded random streams and the stats tree.
 * Depends only on the JDK and SLF4J; knows nothing of components, config or hardware.
 */
package org.imcsim.engine;
