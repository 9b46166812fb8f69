package org.imcsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    static final Map<String, Expression.Value> VARS = Map.of(
            "crossbar.rows", new Expression.Num(128), "device.cellBits", new Expression.Text("2"),
            "device.model", new Expression.Text("pcm"), "simulation.inferenceTime", new Expression.Text("1h"),
            "chip.pipeline", new Expression.Bool(true));

    static Expression.Value eval(String s) {
        return Expression.parse(s).evaluate(VARS::get);
    }

    static boolean test(String s) {
        return Expression.parse(s).test(VARS::get);
    }

    @Test
    void arithmeticFollowsPrecedence() {
        assertEquals(new Expression.Num(7), eval("1 + 2 * 3"));
        assertEquals(new Expression.Num(9), eval("(1 + 2) * 3"));
        assertEquals(new Expression.Num(-1), eval("-3 + 2"));
        assertEquals(new Expression.Num(1), eval("7 % 3"));
        assertEquals(new Expression.Num(7), eval("log2(crossbar.rows)"));
        assertEquals(new Expression.Num(2), eval("min(4, device.cellBits, 3)"));
        assertEquals(new Expression.Num(2.5e-3), eval("2.5e-3"));
    }

    @Test
    void comparisonsAndLogic() {
        assertTrue(test("crossbar.rows >= 64 and device.cellBits == 2"));
        assertTrue(test("device.cellBits < 3 && !(crossbar.rows > 128)"));
        assertFalse(test("not chip.pipeline or device.model != 'pcm'"));
        assertTrue(test("device.model == \"pcm\""));
        // quantities compare by value
        assertTrue(test("simulation.inferenceTime == '60min'"));
        assertTrue(test("simulation.inferenceTime < '1d' and simulation.inferenceTime > '59min'"));
        assertTrue(test("crossbar.rows * crossbar.rows <= 65536"));
        assertEquals(Set.of("crossbar.rows", "device.model"), Expression.parse("crossbar.rows > 1 or device.model == 'x'").names());
    }

    @Test
    void errorsSayWhat() {
        assertEquals("'=' is not an operator; use '==' to compare at column 15 of \"crossbar.rows = 64\"",
                assertThrows(Expression.ExpressionException.class, () -> Expression.parse("crossbar.rows = 64")).getMessage());
        assertEquals("comparisons do not chain; use 'and' at column 7 of \"1 < 2 < 3 \"",
                assertThrows(Expression.ExpressionException.class, () -> Expression.parse("1 < 2 < 3 ")).getMessage());
        assertEquals("a number with a unit must be quoted (e.g. '22nm') at column 3 of \"22nm > 1\"",
                assertThrows(Expression.ExpressionException.class, () -> Expression.parse("22nm > 1")).getMessage());
        assertEquals("'<' needs a number, got 'pcm'",
                assertThrows(Expression.ExpressionException.class, () -> test("device.model < 3")).getMessage());
        assertEquals("the expression gives 129, not true or false",
                assertThrows(Expression.ExpressionException.class, () -> test("crossbar.rows + 1")).getMessage());
        assertEquals("unknown name x.y", assertThrows(Expression.ExpressionException.class, () -> test("x.y > 1")).getMessage());
        assertEquals("division by zero in '/'", assertThrows(Expression.ExpressionException.class, () -> test("1 / 0 > 1")).getMessage());
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse("(1 + 2"));
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse("'open"));
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse("and 1"));
    }
}
