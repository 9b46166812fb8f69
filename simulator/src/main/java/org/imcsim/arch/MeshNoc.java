package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;

/**
 * A 2-D mesh network-on-chip over a {@code rows × cols} grid of tile positions: one router per tile, or
 * with concentration {@code c} (2 or 4; ISAAC's concentrated mesh shares a router among 4 tiles) one router
 * per {@code 1×2} or {@code 2×2} block of tile positions, each tile on a local port of its own. Links of
 * {@code flitBits} bits per cycle in each direction between neighbouring routers, dimension-ordered (X then
 * Y) routing, and the global buffer attached by its own port to the router of router-row 0, router-column
 * {@code routerCols/2}. A packet of {@code b} bits is {@code F = ⌈b/flitBits⌉} flits; a transfer between two
 * tiles of one router crosses that router only.
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
    private static final int DIRECTIONS = 4;

    private final Actions<Action> actions;
    private final int tiles;
    private final int cols;
    private final int clusterRows;
    private final int clusterCols;
    private final int routerCols;
    private final int routers;
    private final int flitBits;
    private final long cyclePs;
    private final long hopPs;
    // [router * DIRECTIONS + direction] for router-to-router links, then per node (tiles, then the global
    // buffer) its injection link and its ejection link
    private final long[] linkFreePs;
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
        this(parent, name, tiles, rows, cols, 1, flitBits, routerCycles, cyclePs);
    }

    /**
     * As the other constructor, with {@code concentration} tiles per router: 1, 2 (a router per {@code 1×2}
     * tile positions) or 4 (per {@code 2×2}).
     */
    public MeshNoc(Component parent, String name, int tiles, int rows, int cols, int concentration, int flitBits,
                   int routerCycles, long cyclePs) {
        super(parent, name);
        if (rows < 1 || cols < 1 || tiles < 1 || tiles > rows * cols || flitBits < 1 || routerCycles < 0 || cyclePs < 1
                || (concentration != 1 && concentration != 2 && concentration != 4)) {
            throw new IllegalArgumentException(path() + ": bad mesh geometry " + rows + "x" + cols + " for " + tiles
                    + " tiles, concentration " + concentration + ", flitBits " + flitBits + ", routerCycles " + routerCycles);
        }
        this.tiles = tiles;
        this.cols = cols;
        this.clusterRows = concentration == 4 ? 2 : 1;
        this.clusterCols = concentration == 1 ? 1 : 2;
        int routerRows = (rows + clusterRows - 1) / clusterRows;
        this.routerCols = (cols + clusterCols - 1) / clusterCols;
        this.routers = routerRows * routerCols;
        this.flitBits = flitBits;
        this.cyclePs = cyclePs;
        this.hopPs = (1L + routerCycles) * cyclePs;
        this.linkFreePs = new long[routers * DIRECTIONS + 2 * (tiles + 1)];
        this.gbufRouter = routerCols / 2;
        this.actions = actions(Action.class);
    }

    /** Router of node {@code n} (a tile, or {@link #globalBufferNode()}). */
    private int routerOf(int n) {
        if (n == tiles) {
            return gbufRouter;
        }
        return (n / cols / clusterRows) * routerCols + (n % cols) / clusterCols;
    }

    /** Routers in the mesh. */
    public int routers() {
        return routers;
    }

    @Override
    public long transfer(int src, int dst, long bits, long readyPs) {
        if (src < 0 || dst < 0 || src > tiles || dst > tiles || src == dst) {
            throw new IllegalArgumentException(path() + ": bad transfer " + src + " -> " + dst);
        }
        long flits = (bits + flitBits - 1) / flitBits;
        long serialPs = flits * cyclePs;
        int srcRouter = routerOf(src);
        int dstRouter = routerOf(dst);
        // the source's own injection port (every tile and the global buffer has one)
        int local = routers * DIRECTIONS;
        long h = grant(local + 2 * src, readyPs, serialPs);
        int r = srcRouter;
        int crossed = 1;
        int links = 0;
        int rr = r / routerCols;
        int rc = r % routerCols;
        int dr = dstRouter / routerCols;
        int dc = dstRouter % routerCols;
        while (rc != dc) {
            int dir = dc > rc ? EAST : WEST;
            h = grant(r * DIRECTIONS + dir, h, serialPs);
            rc += dc > rc ? 1 : -1;
            r = rr * routerCols + rc;
            crossed++;
            links++;
        }
        while (rr != dr) {
            int dir = dr > rr ? SOUTH : NORTH;
            h = grant(r * DIRECTIONS + dir, h, serialPs);
            rr += dr > rr ? 1 : -1;
            r = rr * routerCols + rc;
            crossed++;
            links++;
        }
        h = grant(local + 2 * dst + 1, h, serialPs);
        actions.add(Action.FLIT_LINK, flits * links);
        actions.add(Action.FLIT_ROUTER, flits * crossed);
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

    /** Manhattan hop count between two nodes (router-to-router links; 0 between tiles of one router). */
    public int hops(int src, int dst) {
        int a = routerOf(src);
        int b = routerOf(dst);
        return Math.abs(a / routerCols - b / routerCols) + Math.abs(a % routerCols - b % routerCols);
    }

    @Override
    public int globalBufferNode() {
        return tiles;
    }

    @Override
    public int resources() {
        // directed router-to-router links, plus every node's injection and ejection port
        int routerRows = routers / routerCols;
        return 2 * (routerRows * (routerCols - 1) + (routerRows - 1) * routerCols) + 2 * (tiles + 1);
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
