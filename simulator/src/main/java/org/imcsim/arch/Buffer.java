package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;
import org.imcsim.component.StatWriter;

/**
 * A buffer (register file or SRAM macro) with a capacity and one port of {@code widthBits} bits per
 * clock. Capacity is managed by reservation: a producer reserves space before it sends
 * ({@link #tryReserve}); when that fails it must wait until a consumer {@link #release releases} space —
 * that is the back-pressure a full buffer applies. The port serializes reads and writes FIFO:
 * moving {@code b} bits occupies it for {@code ⌈b/widthBits⌉} cycles.
 *
 * <p>Contract: {@code write(ready, b)} and {@code read(ready, b)} start at {@code max(ready, port free)}
 * and return the end; they count {@code b} bits written/read and the port time as busy time.
 */
public final class Buffer extends Component {
    /** Actions counted. */
    public enum Action {
        /** One bit read. */
        READ_BIT,
        /** One bit written. */
        WRITE_BIT
    }

    private final Actions<Action> actions;
    private final long capacityBits;
    private final int widthBits;
    private final long cyclePs;
    private long occupiedBits;
    private long maxOccupiedBits;
    private long portFreePs;
    private long refusals;

    /**
     * @param capacityBits capacity, bits (&ge; 1)
     * @param widthBits    port width, bits per cycle (&ge; 1)
     * @param cyclePs      clock period, ps (&ge; 1)
     */
    public Buffer(Component parent, String name, long capacityBits, int widthBits, long cyclePs) {
        super(parent, name);
        if (capacityBits < 1 || widthBits < 1 || cyclePs < 1) {
            throw new IllegalArgumentException(path() + ": capacity, width and cycle must be >= 1");
        }
        this.capacityBits = capacityBits;
        this.widthBits = widthBits;
        this.cyclePs = cyclePs;
        this.actions = actions(Action.class);
    }

    /**
     * Reserves {@code bits} of space; false (and nothing reserved) if they do not fit now.
     *
     * @throws IllegalArgumentException if {@code bits} exceeds the capacity (it could never fit)
     */
    public boolean tryReserve(long bits) {
        if (bits > capacityBits) {
            throw new IllegalArgumentException(path() + ": a block of " + bits + " bits can never fit a buffer of "
                    + capacityBits + " bits");
        }
        if (occupiedBits + bits > capacityBits) {
            refusals++;
            return false;
        }
        occupiedBits += bits;
        maxOccupiedBits = Math.max(maxOccupiedBits, occupiedBits);
        return true;
    }

    /** Frees {@code bits} previously reserved. */
    public void release(long bits) {
        if (bits > occupiedBits) {
            throw new IllegalStateException(path() + ": releasing " + bits + " bits but only " + occupiedBits
                    + " are reserved");
        }
        occupiedBits -= bits;
    }

    /** Writes {@code bits} through the port, starting no earlier than {@code readyPs}; returns the end. */
    public long write(long readyPs, long bits) {
        actions.add(Action.WRITE_BIT, bits);
        return occupyPort(readyPs, bits);
    }

    /** Reads {@code bits} through the port, starting no earlier than {@code readyPs}; returns the end. */
    public long read(long readyPs, long bits) {
        actions.add(Action.READ_BIT, bits);
        return occupyPort(readyPs, bits);
    }

    private long occupyPort(long readyPs, long bits) {
        long start = Math.max(readyPs, portFreePs);
        long dur = (bits + widthBits - 1) / widthBits * cyclePs;
        portFreePs = start + dur;
        addBusyPs(dur);
        return start + dur;
    }

    /** Capacity, bits. */
    public long capacityBits() {
        return capacityBits;
    }

    /** Bits reserved now. */
    public long occupiedBits() {
        return occupiedBits;
    }

    /** Largest reservation level seen, bits. */
    public long maxOccupiedBits() {
        return maxOccupiedBits;
    }

    /** Failed reservations (back-pressure events). */
    public long refusals() {
        return refusals;
    }

    /** Bits read so far. */
    public long bitsRead() {
        return actions.get(Action.READ_BIT);
    }

    /** Bits written so far. */
    public long bitsWritten() {
        return actions.get(Action.WRITE_BIT);
    }

    @Override
    protected void reportStats(StatWriter out) {
        out.put("maxOccupiedBits", maxOccupiedBits);
        out.put("refusals", refusals);
    }
}
