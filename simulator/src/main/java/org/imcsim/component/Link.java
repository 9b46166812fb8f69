package org.imcsim.component;

/**
 * A point-to-point connection from an output port to an input port, with a fixed latency.
 *
 * @param from      the output port
 * @param to        the input port
 * @param latencyPs delivery delay in ps, &ge; 0
 */
public record Link(Port from, Port to, long latencyPs) {
    @Override
    public String toString() {
        return from.path() + " -> " + to.path() + " (" + latencyPs + " ps)";
    }
}
