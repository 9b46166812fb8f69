package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * The column ADCs of a bank of arrays working in lockstep: {@code units} ADCs, each shared through an
 * analog mux by {@code colsPerAdc} columns. Conversions of one ADC are serialized: a request for
 * {@code positions} mux positions occupies every ADC of the bank for {@code positions × conversionPs},
 * and a request that arrives while the bank converts waits (FIFO). One instance stands for all
 * {@code units} identical ADCs (they convert the same mux position of their own column group at the
 * same time), so counts are multiplied by {@code units}.
 *
 * <p>Contract: {@code convert(ready, p)} starts at {@code max(ready, end of the previous request)} and
 * returns the end, {@code start + p·conversionPs}; it counts {@code p·units} conversions and
 * {@code p·conversionPs} busy time.
 */
public final class AdcBank extends Component {
    /** Actions counted. */
    public enum Action {
        /** One conversion of one column (group) by one ADC. */
        CONVERT
    }

    private final Actions<Action> actions;
    private final int units;
    private final long conversionPs;
    private long freeAtPs;
    private TraceRecorder trace;
    private int traceLane;
    private int traceName;

    /**
     * @param units        ADCs in the bank (&ge; 1)
     * @param conversionPs time of one conversion including the mux select, ps (&ge; 1)
     */
    public AdcBank(Component parent, String name, int units, long conversionPs) {
        super(parent, name);
        if (units < 1 || conversionPs < 1) {
            throw new IllegalArgumentException(path() + ": units and conversionPs must be >= 1");
        }
        this.units = units;
        this.conversionPs = conversionPs;
        this.actions = actions(Action.class);
    }

    /** Records this bank's conversions as spans on {@code recorder} (null: off). */
    public void trace(TraceRecorder recorder) {
        trace = recorder;
        if (recorder != null) {
            traceLane = recorder.lane(path());
            traceName = recorder.name("convert");
        }
    }

    /** Converts {@code positions} mux positions on every ADC; returns the end time, ps. */
    public long convert(long readyPs, int positions) {
        long start = Math.max(readyPs, freeAtPs);
        long dur = positions * conversionPs;
        long end = start + dur;
        freeAtPs = end;
        actions.add(Action.CONVERT, (long) positions * units);
        addBusyPs(dur);
        if (trace != null) {
            trace.span(traceLane, traceName, start, end);
        }
        return end;
    }

    /** Conversions counted so far. */
    public long conversions() {
        return actions.get(Action.CONVERT);
    }

    /** ADCs in the bank. */
    public int units() {
        return units;
    }

    /** Time the bank is free from, ps. */
    public long freeAtPs() {
        return freeAtPs;
    }
}
