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
