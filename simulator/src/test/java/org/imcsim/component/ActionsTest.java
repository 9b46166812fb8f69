package org.imcsim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.imcsim.engine.StatsTree;
import org.junit.jupiter.api.Test;

/** Action counters for enums larger than the inline fields, read back directly and through the stats tree. */
class ActionsTest {

    enum Op { READ_ROW, WRITE_ROW, CONVERT, SHIFT_ADD, ACCUMULATE, IDLE_CYCLE }

    static final class Counter extends Component {
        final Actions<Op> actions;

        Counter(Component parent, String name) {
            super(parent, name);
            actions = actions(Op.class);
        }

        @Override
        protected void setup() {
            for (Op op : Op.values()) {
                actions.add(op, 10L * (op.ordinal() + 1));
                for (int i = 0; i <= op.ordinal(); i++) {
                    actions.add(op);
                }
            }
        }
    }

    @Test
    void everyActionIsCountedSeparatelyAndReported() {
        SystemBuilder b = new SystemBuilder("chip", 1);
        Counter c = new Counter(b.root(), "unit");
        StatsTree stats = b.build().run().stats();
        for (Op op : Op.values()) {
            long expected = 11L * (op.ordinal() + 1);
            assertEquals(expected, c.actions.get(op), op.name());
            assertEquals(expected, stats.get("chip.unit." + Actions.statName(op)), op.name());
        }
        assertEquals(66L, stats.get("chip.unit.idleCycle"));
        assertThrows(IllegalArgumentException.class, () -> c.actions.add(Op.CONVERT, -1));
    }
}
