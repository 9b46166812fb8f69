package org.imcsim.arch;

/**
 * The chip network between the global buffer and the tiles. Nodes: tiles {@code 0 .. tiles−1} and the
 * global buffer {@link #globalBufferNode()}. A transfer is resolved when it is requested (reservation of
 * the links or bus it uses, in request order); the caller schedules the delivery event at the returned
 * time, so a transfer costs no event of its own.
 */
public interface Interconnect {
    /**
     * Moves {@code bits} from {@code src} to {@code dst}, injected no earlier than {@code readyPs}.
     *
     * @return the time the last bit arrives, ps
     */
    long transfer(int src, int dst, long bits, long readyPs);

    /** The node id of the global buffer. */
    int globalBufferNode();

    /**
     * True if one transfer reaches every tile of a layer copy at once (a bus or tree broadcast); false
     * if each tile needs its own packet (a NoC).
     */
    boolean broadcasts();

    /**
     * Independent resources whose busy times the component's {@code busyPs} sums (2 for the X-Y bus's two
     * buses, 1 for an H-tree root, every port and link of a mesh), so utilisation is busy / (time × this).
     */
    int resources();

    /** Bits moved towards the tiles. */
    long bitsToTiles();

    /** Bits moved towards the global buffer. */
    long bitsFromTiles();
}
