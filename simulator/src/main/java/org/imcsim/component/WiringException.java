package org.imcsim.component;

import java.util.List;

/**
 * The system as built cannot run: a duplicate or malformed name, a link between incompatible
 * ports, an unconnected required port. Thrown before time 0. The message lists every problem,
 * each prefixed by the full path of the port or component concerned, on one line separated by
 * {@code "; "}.
 */
public final class WiringException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** One problem. */
    public WiringException(String problem) {
        this(List.of(problem));
    }

    /** Several problems (at least one). */
    public WiringException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " wiring problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as a separate message. */
    public List<String> problems() {
        return problems;
    }
}
