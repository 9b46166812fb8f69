package org.imcsim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The Pareto front of successful points over objectives (each minimised or maximised). A point is on
 * the front when no other point is at least as good in every objective and better in one; points with
 * equal objective vectors are all on it. Points lacking a value for an objective take no part.
 * O(n² · objectives), fine for the tens of thousands of points a sweep folder holds.
 */
public final class Pareto {
    private Pareto() {
    }

    /** The objectives that at least one successful point has a value for (absent metrics are skipped). */
    public static List<SweepSpec.Objective> present(List<SweepSpec.Objective> objectives, List<PointResult> results) {
        List<SweepSpec.Objective> out = new ArrayList<>();
        for (SweepSpec.Objective o : objectives) {
            for (PointResult r : results) {
                if (!Double.isNaN(r.metric(o.metric()))) {
                    out.add(o);
                    break;
                }
            }
        }
        return out;
    }

    /** The points on the front, in the order given; empty when there are no objectives. */
    public static List<PointResult> front(List<PointResult> results, List<SweepSpec.Objective> objectives) {
        List<PointResult> cand = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        int m = objectives.size();
        if (m == 0) {
            return List.of();
        }
        for (PointResult r : results) {
            if (!r.ok()) {
                continue;
            }
            double[] x = new double[m];
            boolean all = true;
            for (int k = 0; k < m; k++) {
                double val = r.metric(objectives.get(k).metric());
                all &= !Double.isNaN(val);
                // minimise everything: a maximised objective is negated
                x[k] = objectives.get(k).maximize() ? -val : val;
            }
            if (all) {
                cand.add(r);
                v.add(x);
            }
        }
        List<PointResult> out = new ArrayList<>();
        for (int i = 0; i < cand.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < cand.size() && !dominated; j++) {
                dominated = j != i && dominates(v.get(j), v.get(i));
            }
            if (!dominated) {
                out.add(cand.get(i));
            }
        }
        return out;
    }

    /** True when {@code a} is no worse than {@code b} everywhere and better somewhere (all minimised). */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }
}
