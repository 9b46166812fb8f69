/**
 * The component framework on top of the engine: {@code Component} with a hierarchical path,
 * typed ports and timers declared in constructors, links carrying latency, the
 * {@code SystemBuilder} that wires and validates before time 0, clocked components ticked only
 * while they have work, action counters and the run lifecycle. Depends only on {@code engine}.
 */
package org.imcsim.component;
