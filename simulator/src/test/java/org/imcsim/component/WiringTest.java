package org.imcsim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WiringTest {

    record Packet(int id) {
    }

    record Other(int id) {
    }

    static final class Producer extends Component {
        final LongOutPort words;
        final OutPort<Packet> packets;

        Producer(Component parent, String name) {
            super(parent, name);
            words = longOut("words");
            packets = out("packets", Packet.class);
        }
    }

    static final class Consumer extends Component {
        final LongInPort words;
        final InPort<Packet> packets;
        final InPort<Other> others;

        Consumer(Component parent, String name) {
            super(parent, name);
            words = longIn("words", v -> { });
            packets = in("packets", Packet.class, p -> { });
            others = in("others", Other.class, o -> { }).optional();
        }
    }

    static final class AnyConsumer extends Component {
        final InPort<Object> any;

        AnyConsumer(Component parent, String name) {
            super(parent, name);
            any = in("any", Object.class, o -> { });
        }
    }

    @Test
    void unconnectedRequiredPortsAreAllReportedBeforeTimeZero() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        Producer p = new Producer(b.root(), "src");
        Consumer c = new Consumer(b.root(), "dst");
        b.connect(p.words, c.words, 10);
        WiringException e = assertThrows(WiringException.class, b::build);
        assertEquals(List.of("chip.src.packets: required Packet output port is not connected",
                "chip.dst.packets: required Packet input port is not connected"), e.problems());
        assertTrue(e.getMessage().startsWith("2 wiring problems: chip.src.packets"), e.getMessage());
    }

    @Test
    void optionalPortsMayStayUnconnected() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        Producer p = new Producer(b.root(), "src");
        Consumer c = new Consumer(b.root(), "dst");
        b.connect(p.words, c.words, 10);
        b.connect(p.packets, c.packets, 10);
        Simulation sim = b.build();
        assertEquals(0, sim.simulator().nowPs());
    }

    @Test
    void payloadTypeMismatchByPathIsRejectedWithBothTypes() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        new Producer(b.root(), "src");
        new Consumer(b.root(), "dst");
        WiringException e = assertThrows(WiringException.class,
                () -> b.connect("chip.src.packets", "chip.dst.others", 0));
        assertEquals("chip.src.packets -> chip.dst.others: payload type mismatch: Packet output cannot feed "
                + "Other input (" + Packet.class.getName() + " is not a " + Other.class.getName() + ")", e.getMessage());
        WiringException e2 = assertThrows(WiringException.class,
                () -> b.connect("chip.src.words", "chip.dst.packets", 0));
        assertTrue(e2.getMessage().contains("long output cannot feed Packet input"), e2.getMessage());
        WiringException e3 = assertThrows(WiringException.class,
                () -> b.connect("chip.src.packets", "chip.dst.words", 0));
        assertTrue(e3.getMessage().contains("Packet output cannot feed long input"), e3.getMessage());
    }

    @Test
    void subtypeFeedsSupertypePort() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        Producer p = new Producer(b.root(), "src");
        AnyConsumer a = new AnyConsumer(b.root(), "dst");
        Link l = b.connect(p.packets, a.any, 5);
        assertEquals("chip.src.packets -> chip.dst.any (5 ps)", l.toString());
    }

    @Test
    void directionDoubleUseLatencyAndNamesAreChecked() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        Producer p = new Producer(b.root(), "src");
        Consumer c = new Consumer(b.root(), "dst");
        Consumer c2 = new Consumer(b.root(), "dst2");
        assertTrue(assertThrows(WiringException.class, () -> b.connect("chip.dst.words", "chip.src.words", 0))
                .getMessage().contains("is an input; a link starts at an output port"));
        assertThrows(WiringException.class, () -> b.connect(p.words, c.words, -1));
        b.connect(p.words, c.words, 0);
        assertTrue(assertThrows(WiringException.class, () -> b.connect(p.words, c2.words, 0)).getMessage()
                .contains("already connected"));
        assertTrue(assertThrows(WiringException.class, () -> new Consumer(b.root(), "dst")).getMessage()
                .contains("chip.dst: a component of that name already exists"));
        assertThrows(WiringException.class, () -> new Consumer(b.root(), "bad-name"));
        assertThrows(WiringException.class, () -> b.port("chip.nothing.here"));
    }

    @Test
    void nothingCanBeAddedAfterBuild() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        Producer p = new Producer(b.root(), "src");
        Consumer c = new Consumer(b.root(), "dst");
        b.connect(p.words, c.words, 0);
        b.connect(p.packets, c.packets, 0);
        b.build();
        assertThrows(IllegalStateException.class, () -> new Consumer(b.root(), "late"));
        assertThrows(IllegalStateException.class, b::build);
    }
}
