package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * The row drivers (1-bit DACs: word-line/bit-line switch matrices) of a bank of arrays in lockstep.
 * Each call drives one input bit-plane onto the rows of all {@code units} arrays; the drive settles
 * within {@code driveLatencyPs}. Which rows are actually driven depends on the data and is counted by
 * the activity kernel, not here (the event simulation is data-independent).
 *
 * <p>Contract: {@code drive(at)} counts {@code units} plane drives, adds {@code driveLatencyPs} busy time
 * and returns {@code at + driveLatencyPs}.
 */
public final class RowDriverBank extends Component {
    /** Actions counted. */
    public enum Action {
        /** One input bit-plane applied to the rows of one array. */
        DRIVE_PLANE
    }

    private final Actions<Action> actions;
    private final int units;
    private final long driveLatencyPs;

    /**
     * @param units          arrays whose rows this bank drives (&ge; 1)
     * @param driveLatencyPs settling time of one plane, ps (&ge; 0)
     */
    public RowDriverBank(Component parent, String name, int units, long driveLatencyPs) {
        super(parent, name);
        if (units < 1 || driveLatencyPs < 0) {
            throw new IllegalArgumentException(path() + ": units must be >= 1 and latency >= 0");
        }
        this.units = units;
        this.driveLatencyPs = driveLatencyPs;
        this.actions = actions(Action.class);
    }

    /** Drives one plane starting at {@code atPs}; returns when the rows have settled. */
    public long drive(long atPs) {
        actions.add(Action.DRIVE_PLANE, units);
        addBusyPs(driveLatencyPs);
        return atPs + driveLatencyPs;
    }

    /** Plane drives counted (per array). */
    public long planeDrives() {
        return actions.get(Action.DRIVE_PLANE);
    }
}
