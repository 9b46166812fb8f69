package org.imcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTreeTest {

    @Test
    void sortedFlatAndNestedViews() {
        StatsTree t = StatsTree.builder().put("chip.tile1.adc0.convert", 3).put("chip.tile0.adc3.convert", 7)
                .put("chip.tile0.adc3.busyPs", 900).put("chip.tile0.buf.read", 2).build();
        assertEquals(List.of("chip.tile0.adc3.busyPs", "chip.tile0.adc3.convert", "chip.tile0.buf.read",
                "chip.tile1.adc0.convert"), List.copyOf(t.asMap().keySet()));
        assertEquals(7, t.get("chip.tile0.adc3.convert"));
        assertEquals(3, t.under("chip.tile0").size());
        Map<String, Object> nested = t.toNested();
        assertEquals("{chip={tile0={adc3={busyPs=900, convert=7}, buf={read=2}}, tile1={adc0={convert=3}}}}",
                nested.toString());
        assertEquals(t, StatsTree.builder().put("chip.tile0.buf.read", 2).put("chip.tile1.adc0.convert", 3)
                .put("chip.tile0.adc3.convert", 7).put("chip.tile0.adc3.busyPs", 900).build());
    }

    @Test
    void rejectsBadNamesDuplicatesAndLeafNodeClashes() {
        assertThrows(IllegalArgumentException.class, () -> StatsTree.builder().put("a..b", 1));
        assertThrows(IllegalArgumentException.class, () -> StatsTree.builder().put("a.b-c", 1));
        assertThrows(IllegalArgumentException.class, () -> StatsTree.builder().put("a.b", 1).put("a.b", 2));
        assertThrows(IllegalArgumentException.class,
                () -> StatsTree.builder().put("a.b", 1).put("a.b.c", 2).put("a.bz", 3).build());
    }
}
