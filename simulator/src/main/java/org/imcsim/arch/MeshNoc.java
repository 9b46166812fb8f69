package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * A 2-D mesh network-on-chip: one router per tile position on a {@code rows × cols} grid, links of
 * {@code flitBits} bits per cycle in each direction between neighbours, dimension-ordered (X then Y)
 * routing, and the global buffer attached by its own port to the router of row 0, column
 * {@code cols/2}. A packet of {@code b} bits is {@code F = ⌈b/flitBits⌉} flits.
 *
 * <p>Timing (virtual cut-through): the head reaches each link at time {@code h}; the link is granted at
 * {@code s = max(h, link free)}, stays busy for {@code F} cycles, and the head reaches the next link at
 * {@code s + (1 + routerCycles)} cycles (one cycle on the wire, {@code routerCycles} in the router). The
 * injection and ejection ports are links too. The tail arrives {@code F − 1} cycles after the head leaves
 * the ejection port. Links are granted in request order (a packet reserves its whole path when it is
 * injected), so two flows sharing a link serialize there: that is the contention the mesh models.
 * One instance stands for all routers and links; its counters are totals.
 */
public final class MeshNoc extends Component implements Interconnect {
    /** Actions counted. */
    public enum Action {
        /** One flit over one router-to-router link. */
        FLIT_LINK,
        /** One flit through one router (buffer write + read + switch). */
        FLIT_ROUTER,
        /** One payload bit carried towards a tile. */
        BIT_TO_TILE,
        /** One payload bit carried towards the global buffer. */
        BIT_FROM_TILE
    }

    private static final int NORTH = 0;
    private static final int SOUTH = 1;
    private static final int EAST = 2;
    private static final int WEST = 3;
    private static final int EJECT = 4;
    private static final int INJECT = 5;
    private static final int PORTS = 6;

    private final Actions<Action> actions;
    private final int tiles;
    private final int rows;
    private final int cols;
    private final int flitBits;
    private final long cyclePs;
    private final long hopPs;
    private final long[] linkFreePs; // [router * PORTS + port]; the global buffer is router index rows*cols
    private final int gbufRouter;

    /**
     * @param tiles        tiles attached (≤ rows × cols), tile t at row t / cols, column t % cols
     * @param rows         router rows
     * @param cols         router columns
     * @param flitBits     link width, bits per cycle (&ge; 1)
     * @param routerCycles router pipeline delay per hop, cycles (&ge; 0)
     * @param cyclePs      clock period, ps (&ge; 1)
     */
    public MeshNoc(Component parent, String name, int tiles, int rows, int cols, int flitBits, int routerCycles,
                   long cyclePs) {
        super(parent, name);
        if (rows < 1 || cols < 1 || tiles < 1 || tiles > rows * cols || flitBits < 1 || routerCycles < 0 || cyclePs < 1) {
            throw new IllegalArgumentException(path() + ": bad mesh geometry " + rows + "x" + cols + " for " + tiles
                    + " tiles, flitBits " + flitBits + ", routerCycles " + routerCycles);
        }
        this.tiles = tiles;
        this.rows = rows;
        this.cols = cols;
        this.flitBits = flitBits;
        this.cyclePs = cyclePs;
        this.hopPs = (1L + routerCycles) * cyclePs;
        this.linkFreePs = new long[(rows * cols + 1) * PORTS];
        this.gbufRouter = cols / 2;
        this.actions = actions(Action.class);
    }

    @Override
    public long transfer(int src, int dst, long bits, long readyPs) {
        if (src < 0 || dst < 0 || src > tiles || dst > tiles || src == dst) {
            throw new IllegalArgumentException(path() + ": bad transfer " + src + " -> " + dst);
        }
        long flits = (bits + flitBits - 1) / flitBits;
        long serialPs = flits * cyclePs;
        int srcRouter = src == tiles ? gbufRouter : src;
        int dstRouter = dst == tiles ? gbufRouter : dst;
        // injection port of the source (the global buffer has its own, indexed past the routers)
        int injectLink = (src == tiles ? rows * cols : srcRouter) * PORTS + INJECT;
        long h = grant(injectLink, readyPs, serialPs);
        int r = srcRouter;
        int routers = 1;
        int links = 0;
        int rr = r / cols;
        int rc = r % cols;
        int dr = dstRouter / cols;
        int dc = dstRouter % cols;
        while (rc != dc) {
            int dir = dc > rc ? EAST : WEST;
            h = grant(r * PORTS + dir, h, serialPs);
            rc += dc > rc ? 1 : -1;
            r = rr * cols + rc;
            routers++;
            links++;
        }
        while (rr != dr) {
            int dir = dr > rr ? SOUTH : NORTH;
            h = grant(r * PORTS + dir, h, serialPs);
            rr += dr > rr ? 1 : -1;
            r = rr * cols + rc;
            routers++;
            links++;
        }
        int ejectLink = (dst == tiles ? rows * cols : dstRouter) * PORTS + EJECT;
        h = grant(ejectLink, h, serialPs);
        actions.add(Action.FLIT_LINK, flits * links);
        actions.add(Action.FLIT_ROUTER, flits * routers);
        actions.add(dst == tiles ? Action.BIT_FROM_TILE : Action.BIT_TO_TILE, bits);
        // the head left the ejection port one wire cycle after its grant; the tail follows F − 1 cycles later
        return h - hopPs + serialPs;
    }

    /** Grants link {@code link} to a head arriving at {@code headPs}; returns when the head reaches the next hop. */
    private long grant(int link, long headPs, long serialPs) {
        long s = Math.max(headPs, linkFreePs[link]);
        linkFreePs[link] = s + serialPs;
        addBusyPs(serialPs);
        return s + hopPs;
    }

    /** Manhattan hop count between two nodes (router-to-router links). */
    public int hops(int src, int dst) {
        int a = src == tiles ? gbufRouter : src;
        int b = dst == tiles ? gbufRouter : dst;
        return Math.abs(a / cols - b / cols) + Math.abs(a % cols - b % cols);
    }

    @Override
    public int globalBufferNode() {
        return tiles;
    }

    @Override
    public int resources() {
        return linkFreePs.length;
    }

    @Override
    public boolean broadcasts() {
        return false;
    }

    @Override
    public long bitsToTiles() {
        return actions.get(Action.BIT_TO_TILE);
    }

    @Override
    public long bitsFromTiles() {
        return actions.get(Action.BIT_FROM_TILE);
    }

    /** Flit-link traversals counted. */
    public long flitLinks() {
        return actions.get(Action.FLIT_LINK);
    }

    /** Flit-router traversals counted. */
    public long flitRouters() {
        return actions.get(Action.FLIT_ROUTER);
    }
}
