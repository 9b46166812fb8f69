package org.imcsim.cost;

import java.util.Arrays;
import java.util.Objects;

/**
 * The common shape of one hardware block's cost, shared by the analytic estimator and the event
 * simulation: the simulation counts actions and multiplies them by {@link #energyPerActionPj()};
 * instance counts multiply {@link #areaUm2()}; run time multiplies {@link #leakagePowerUw()}.
 *
 * @param name              block name (e.g. {@code "mlsa-adc"})
 * @param areaUm2           layout area of one instance, µm² (≥ 0)
 * @param actions           names of the counted actions, parallel to {@code energyPerActionPj}
 * @param energyPerActionPj dynamic energy per action, pJ (≥ 0)
 * @param latencyPs         latency of one action, ps (≥ 0)
 * @param leakagePowerUw    static power of one instance, µW (≥ 0)
 * @param source            where the model and its constants come from
 */
public record ComponentCost(String name, double areaUm2, String[] actions, double[] energyPerActionPj,
                            double latencyPs, double leakagePowerUw, Source source) {

    public ComponentCost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        actions = actions.clone();
        energyPerActionPj = energyPerActionPj.clone();
        if (actions.length != energyPerActionPj.length) {
            throw new IllegalArgumentException(name + ": " + actions.length + " actions but "
                    + energyPerActionPj.length + " energies");
        }
        requireFinite(name, "areaUm2", areaUm2);
        requireFinite(name, "latencyPs", latencyPs);
        requireFinite(name, "leakagePowerUw", leakagePowerUw);
        for (double e : energyPerActionPj) {
            requireFinite(name, "energyPerActionPj", e);
        }
    }

    /** A block with a single action. */
    public static ComponentCost single(String name, double areaUm2, String action, double energyPj,
                                       double latencyPs, double leakageUw, Source source) {
        return new ComponentCost(name, areaUm2, new String[] {action}, new double[] {energyPj}, latencyPs,
                leakageUw, source);
    }

    /** Energy of the action with this name, pJ; throws if the block has no such action. */
    public double energyPj(String action) {
        for (int i = 0; i < actions.length; i++) {
            if (actions[i].equals(action)) {
                return energyPerActionPj[i];
            }
        }
        throw new IllegalArgumentException(name + " has no action '" + action + "'; it has "
                + Arrays.toString(actions));
    }

    @Override
    public String[] actions() {
        return actions.clone();
    }

    @Override
    public double[] energyPerActionPj() {
        return energyPerActionPj.clone();
    }

    private static void requireFinite(String name, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + "." + field + " must be finite and >= 0, got " + v);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentCost c && name.equals(c.name) && areaUm2 == c.areaUm2
                && Arrays.equals(actions, c.actions) && Arrays.equals(energyPerActionPj, c.energyPerActionPj)
                && latencyPs == c.latencyPs && leakagePowerUw == c.leakagePowerUw && source.equals(c.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, areaUm2, Arrays.hashCode(actions), Arrays.hashCode(energyPerActionPj),
                latencyPs, leakagePowerUw, source);
    }

    @Override
    public String toString() {
        return "ComponentCost[" + name + ", " + areaUm2 + " um2, " + Arrays.toString(actions) + "="
                + Arrays.toString(energyPerActionPj) + " pJ, " + latencyPs + " ps, " + leakagePowerUw + " uW, "
                + source.model() + "]";
    }
}
