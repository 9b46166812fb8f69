package org.imcsim.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imcsim.component.SystemBuilder;
import org.junit.jupiter.api.Test;

/** Contract tests: drive one component, assert its times and counts against the documented contract. */
class ComponentContractTest {
    private static final long CLK = 1_000;

    @Test
    void adcMuxSerializesConversions() {
        SystemBuilder b = new SystemBuilder("t", 1);
        AdcBank adc = new AdcBank(b.root(), "adc", 16, CLK);
        // one plane: 8 mux positions on every ADC, one after another
        assertEquals(8 * CLK, adc.convert(0, 8));
        // a second request ready at time 0 waits for the first: serialized, not parallel
        assertEquals(16 * CLK, adc.convert(0, 8));
        // a request ready after the bank is free starts when ready
        assertEquals(20 * CLK + 3 * CLK, adc.convert(20 * CLK, 3));
        assertEquals((8 + 8 + 3) * 16L, adc.conversions());
        assertEquals(19 * CLK, adc.busyPs());
    }

    @Test
    void bufferAppliesBackPressureAndSerializesItsPort() {
        SystemBuilder b = new SystemBuilder("t", 1);
        Buffer buf = new Buffer(b.root(), "buf", 256, 32, CLK);
        assertTrue(buf.tryReserve(200));
        assertFalse(buf.tryReserve(100)); // would overflow: refused, nothing reserved
        assertEquals(200, buf.occupiedBits());
        assertEquals(1, buf.refusals());
        buf.release(150);
        assertTrue(buf.tryReserve(100));
        assertEquals(150, buf.occupiedBits());
        assertThrows(IllegalArgumentException.class, () -> buf.tryReserve(257));
        // 100 bits over a 32-bit port: 4 cycles; a read requested at the same time queues behind the write
        assertEquals(4 * CLK, buf.write(0, 100));
        assertEquals(4 * CLK + 2 * CLK, buf.read(0, 64));
        assertEquals(100, buf.bitsWritten());
        assertEquals(64, buf.bitsRead());
        assertEquals(200, buf.maxOccupiedBits());
    }

    @Test
    void meshTimingAndContentionAreExact() {
        SystemBuilder b = new SystemBuilder("t", 1);
        // 1 × 4 routers, tiles 0..3; the global buffer hangs off router 2 (cols / 2); 64-bit links; 2-cycle routers
        MeshNoc noc = new MeshNoc(b.root(), "noc", 4, 1, 4, 64, 2, CLK);
        long hop = 3 * CLK; // one wire cycle + two router cycles
        long flits = 4;     // 256 bits
        // tile 0 -> tile 3: injection, three links, ejection; the tail trails the head by F − 1 cycles
        long alone = noc.transfer(0, 3, 256, 0);
        assertEquals(4 * hop + flits * CLK, alone);
        assertEquals(3, noc.hops(0, 3));
        assertEquals(3 * flits, noc.flitLinks());
        assertEquals(4 * flits, noc.flitRouters());
        // a second, identical flow at the same time shares every link: it is exactly F cycles later
        long second = noc.transfer(0, 3, 256, 0);
        assertEquals(alone + flits * CLK, second);
        // a flow on disjoint links (tile 1 -> the global buffer at router 2... uses link 1->2, free) is not delayed
        SystemBuilder b2 = new SystemBuilder("t2", 1);
        MeshNoc fresh = new MeshNoc(b2.root(), "noc", 4, 1, 4, 64, 2, CLK);
        long ref = fresh.transfer(1, 4, 256, 0);
        long sharedFree = noc.transfer(1, 4, 256, 0); // link 1->2 is busy with the two earlier flows
        assertTrue(sharedFree > ref, "contention on link 1->2 must delay the flow");
        assertEquals(2 * hop + flits * CLK, ref);
    }

    @Test
    void aConcentratedMeshSharesARouterAmongFourTiles() {
        SystemBuilder b = new SystemBuilder("t", 1);
        // 4 × 4 tile positions, a router per 2 × 2 tiles: 2 × 2 routers; the global buffer at router (0, 1)
        MeshNoc noc = new MeshNoc(b.root(), "noc", 16, 4, 4, 4, 64, 2, CLK);
        long hop = 3 * CLK;
        long flits = 4; // 256 bits
        assertEquals(4, noc.routers());
        // tiles 0, 1, 4, 5 share router 0: injection, that router, ejection; no link (a transfer over L links
        // takes (L + 1) hops plus the F flit cycles)
        assertEquals(0, noc.hops(0, 5));
        assertEquals(hop + flits * CLK, noc.transfer(0, 5, 256, 0));
        assertEquals(0, noc.flitLinks());
        assertEquals(flits, noc.flitRouters());
        // tile 0 -> tile 15: routers 0 -> 1 -> 3, two links (one router per dimension step, not two)
        assertEquals(2, noc.hops(0, 15));
        SystemBuilder b2 = new SystemBuilder("t2", 1);
        MeshNoc fresh = new MeshNoc(b2.root(), "noc", 16, 4, 4, 4, 64, 2, CLK);
        assertEquals(3 * hop + flits * CLK, fresh.transfer(0, 15, 256, 0));
        assertEquals(2 * flits, fresh.flitLinks());
        assertEquals(3 * flits, fresh.flitRouters());
        // the same grid with a router per tile: six links
        SystemBuilder b3 = new SystemBuilder("t3", 1);
        MeshNoc flat = new MeshNoc(b3.root(), "noc", 16, 4, 4, 64, 2, CLK);
        assertEquals(6, flat.hops(0, 15));
        assertEquals(7 * hop + flits * CLK, flat.transfer(0, 15, 256, 0));
        // two tiles of one router inject and eject on ports of their own: flows 0 -> 1 and 4 -> 5 do not wait
        SystemBuilder b4 = new SystemBuilder("t4", 1);
        MeshNoc ports = new MeshNoc(b4.root(), "noc", 16, 4, 4, 4, 64, 2, CLK);
        assertEquals(ports.transfer(0, 1, 256, 0), ports.transfer(4, 5, 256, 0));
        assertThrows(IllegalArgumentException.class, () -> new MeshNoc(new SystemBuilder("t5", 1).root(), "noc", 4, 2, 2,
                3, 64, 2, CLK));
        // utilisation counts real links: 2 × 2 routers have 8 directed links, 17 nodes inject and eject
        assertEquals(8 + 34, noc.resources());
    }

    @Test
    void xyBusSeparatesDirectionsAndHTreeSharesItsRoot() {
        SystemBuilder b = new SystemBuilder("t", 1);
        GlobalBus xy = new GlobalBus(b.root(), "xy", 4, 128, 2 * CLK, 3 * CLK, true);
        // 300 bits = 3 beats of 2 cycles to a tile
        assertEquals(6 * CLK, xy.transfer(4, 0, 300, 0));
        // outputs use the vertical bus: not delayed by the input transfer
        assertEquals(3 * CLK, xy.transfer(1, 4, 128, 0));
        // a second input transfer waits for the first
        assertEquals(6 * CLK + 2 * CLK, xy.transfer(4, 2, 100, 0));
        assertEquals(400, xy.bitsToTiles());
        assertEquals(128, xy.bitsFromTiles());
        GlobalBus tree = new GlobalBus(b.root(), "tree", 4, 128, 2 * CLK, 2 * CLK, false);
        assertEquals(6 * CLK, tree.transfer(4, 0, 300, 0));
        assertEquals(6 * CLK + 2 * CLK, tree.transfer(1, 4, 128, 0)); // shares the root with the input
        assertThrows(IllegalArgumentException.class, () -> tree.transfer(0, 1, 8, 0));
    }

    @Test
    void accumulatorAndActivationUnitFollowTheirContracts() {
        SystemBuilder b = new SystemBuilder("t", 1);
        Accumulator acc = new Accumulator(b.root(), "acc", 16, CLK, 4 * CLK);
        assertEquals(5 * CLK, acc.reduce(5 * CLK, 128, 1)); // one row-block: no tree in the path
        assertEquals(0, acc.adds());
        // 40 outputs over 16 lanes: 3 issues, then the tree latency
        assertEquals(3 * CLK + 4 * CLK, acc.reduce(0, 40, 9));
        assertEquals(40 * 8, acc.adds());
        ActivationUnit act = new ActivationUnit(b.root(), "act", 64, CLK, 32, 2 * CLK);
        assertEquals(2 * CLK, act.process(0, 100, false));
        // queued behind the first batch; ReLU 2 issues, then max-pool ⌈100/32⌉ = 4 issues of 2 cycles
        assertEquals(2 * CLK + 2 * CLK + 4 * 2 * CLK, act.process(0, 100, true));
        assertEquals(200, act.activations());
        assertEquals(100, act.pooledValues());
    }

    @Test
    void shiftAddRowDriversAndSampleHoldCountPerArray() {
        SystemBuilder b = new SystemBuilder("t", 1);
        ShiftAddBank sa = new ShiftAddBank(b.root(), "sa", 4, CLK);
        assertEquals(11 * CLK, sa.merge(10 * CLK, 7, 1));
        assertEquals(28, sa.weightMerges());
        assertEquals(4, sa.inputMerges());
        RowDriverBank dac = new RowDriverBank(b.root(), "dac", 4, 300);
        assertEquals(1_300, dac.drive(1_000));
        assertEquals(4, dac.planeDrives());
        SampleHoldBank sh = new SampleHoldBank(b.root(), "sh", 512, 200);
        assertEquals(700, sh.sample(500));
        assertEquals(512, sh.samples());
    }

    @Test
    void tokensRoundTrip() {
        long t = Token.pack(4095, 17, 255, 0xFFFF_FFFFL);
        assertEquals(4095, Token.layer(t));
        assertEquals(17, Token.replica(t));
        assertEquals(255, Token.image(t));
        assertEquals(-1, Token.vector(t));
        assertThrows(IllegalArgumentException.class, () -> Token.pack(0, 4096, 0, 0));
    }
}
