package org.imcsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * A small, safe expression language for sweep constraints: no script engine, no reflection, no
 * side effects; a parsed expression can only read the values it names. Grammar (lowest precedence
 * first):
 *
 * <pre>
 *   or      := and  (("or" | "||") and)*
 *   and     := not  (("and" | "&amp;&amp;") not)*
 *   not     := ("not" | "!") not | compare
 *   compare := sum (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum)?
 *   sum     := product (("+" | "-") product)*
 *   product := unary (("*" | "/" | "%") unary)*
 *   unary   := "-" unary | primary
 *   primary := NUMBER | STRING | "true" | "false" | NAME | FUNC "(" or ("," or)* ")" | "(" or ")"
 * </pre>
 *
 * NAME is a dotted config path ({@code crossbar.rows}); STRING is quoted with {@code '} or {@code "};
 * FUNC is one of {@code min}, {@code max}, {@code abs}, {@code log2}. Values are numbers, text and
 * booleans. Text that reads as a number or as a quantity with a unit ({@code "22nm"}, {@code "1h"})
 * takes part in arithmetic and ordering by its SI value, so {@code simulation.inferenceTime <= '1d'}
 * works; two texts are equal when they are the same text or the same quantity. Everything else
 * (ordering two words, adding a boolean) is a type error.
 */
public final class Expression {
    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** A value of the language. */
    public sealed interface Value permits Num, Text, Bool {
    }

    /** A number. */
    public record Num(double value) implements Value {
        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** A text. */
    public record Text(String value) implements Value {
        @Override
        public String toString() {
            return "'" + value + "'";
        }
    }

    /** A boolean. */
    public record Bool(boolean value) implements Value {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A syntax or type error; {@link #getMessage()} says what and where in the expression. */
    public static final class ExpressionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpressionException(String message) {
            super(message);
        }
    }

    /** Parses {@code text}; a syntax error is an {@link ExpressionException} naming the column. */
    public static Expression parse(String text) {
        Parser p = new Parser(text);
        Node n = p.or();
        p.expectEnd();
        return new Expression(text, n);
    }

    /** The names (config paths) the expression reads, sorted. */
    public Set<String> names() {
        Set<String> out = new TreeSet<>();
        root.names(out);
        return out;
    }

    /** Evaluates with {@code lookup} giving each name's value (never null for a name in {@link #names()}). */
    public Value evaluate(Function<String, Value> lookup) {
        return root.eval(lookup);
    }

    /** Evaluates and requires a boolean result. */
    public boolean test(Function<String, Value> lookup) {
        Value v = evaluate(lookup);
        if (v instanceof Bool b) {
            return b.value();
        }
        throw new ExpressionException("the expression gives " + v + ", not true or false");
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- evaluation ----

    private interface Node {
        Value eval(Function<String, Value> lookup);

        default void names(Set<String> out) {
        }
    }

    private record Literal(Value value) implements Node {
        @Override
        public Value eval(Function<String, Value> lookup) {
            return value;
        }
    }

    private record Name(String name) implements Node {
        @Override
        public Value eval(Function<String, Value> lookup) {
            Value v = lookup.apply(name);
            if (v == null) {
                throw new ExpressionException("unknown name " + name);
            }
            return v;
        }

        @Override
        public void names(Set<String> out) {
            out.add(name);
        }
    }

    private record Unary(String op, Node operand) implements Node {
        @Override
        public Value eval(Function<String, Value> lookup) {
            Value v = operand.eval(lookup);
            if (op.equals("not")) {
                return new Bool(!bool(v, "not"));
            }
            return new Num(-number(v, "-"));
        }

        @Override
        public void names(Set<String> out) {
            operand.names(out);
        }
    }

    private record Binary(String op, Node left, Node right) implements Node {
        @Override
        public Value eval(Function<String, Value> lookup) {
            if (op.equals("and")) {
                return new Bool(bool(left.eval(lookup), op) && bool(right.eval(lookup), op));
            }
            if (op.equals("or")) {
                return new Bool(bool(left.eval(lookup), op) || bool(right.eval(lookup), op));
            }
            Value a = left.eval(lookup);
            Value b = right.eval(lookup);
            return switch (op) {
                case "==" -> new Bool(equal(a, b));
                case "!=" -> new Bool(!equal(a, b));
                case "<" -> new Bool(compare(a, b, op) < 0);
                case "<=" -> new Bool(compare(a, b, op) <= 0);
                case ">" -> new Bool(compare(a, b, op) > 0);
                case ">=" -> new Bool(compare(a, b, op) >= 0);
                case "+" -> new Num(number(a, op) + number(b, op));
                case "-" -> new Num(number(a, op) - number(b, op));
                case "*" -> new Num(number(a, op) * number(b, op));
                case "/" -> new Num(number(a, op) / nonZero(number(b, op), op));
                case "%" -> new Num(number(a, op) % nonZero(number(b, op), op));
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public void names(Set<String> out) {
            left.names(out);
            right.names(out);
        }
    }

    private record Call(String function, List<Node> args) implements Node {
        @Override
        public Value eval(Function<String, Value> lookup) {
            double[] x = new double[args.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = number(args.get(i).eval(lookup), function + "()");
            }
            return switch (function) {
                case "min" -> {
                    double m = x[0];
                    for (double v : x) {
                        m = Math.min(m, v);
                    }
                    yield new Num(m);
                }
                case "max" -> {
                    double m = x[0];
                    for (double v : x) {
                        m = Math.max(m, v);
                    }
                    yield new Num(m);
                }
                case "abs" -> new Num(Math.abs(x[0]));
                case "log2" -> {
                    if (x[0] <= 0) {
                        throw new ExpressionException("log2 of " + new Num(x[0]) + " (must be > 0)");
                    }
                    yield new Num(StrictMath.log(x[0]) / StrictMath.log(2));
                }
                default -> throw new IllegalStateException(function);
            };
        }

        @Override
        public void names(Set<String> out) {
            for (Node a : args) {
                a.names(out);
            }
        }
    }

    private static double nonZero(double d, String op) {
        if (d == 0) {
            throw new ExpressionException("division by zero in '" + op + "'");
        }
        return d;
    }

    private static boolean bool(Value v, String op) {
        if (v instanceof Bool b) {
            return b.value();
        }
        throw new ExpressionException("'" + op + "' needs true or false, got " + v);
    }

    /** The number a value stands for: a number, or text reading as a number or a quantity with a unit. */
    static double number(Value v, String op) {
        if (v instanceof Num n) {
            return n.value();
        }
        if (v instanceof Text t) {
            Double d = numeric(t.value());
            if (d != null) {
                return d;
            }
        }
        throw new ExpressionException("'" + op + "' needs a number, got " + v);
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    /** Text as a number: plain ({@code "2"}) or a quantity with a unit ({@code "22nm"} → 2.2e-8), else null. */
    static Double numeric(String s) {
        String t = s.strip();
        // strict: Java's parseDouble would also take "1d" (a double literal suffix), which here is a day
        if (PLAIN_NUMBER.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        Quantity q = quantity(t);
        return q == null ? null : q.si();
    }

    /** Text as a quantity of the first dimension that parses it (units are case-sensitive and distinct), else null. */
    static Quantity quantity(String s) {
        for (Dimension d : Dimension.values()) {
            if (d == Dimension.DIMENSIONLESS) {
                continue;
            }
            try {
                return Quantity.parse(s, d);
            } catch (RuntimeException e) {
                // another dimension
            }
        }
        return null;
    }

    private static boolean equal(Value a, Value b) {
        if (a instanceof Bool x && b instanceof Bool y) {
            return x.value() == y.value();
        }
        if (a instanceof Bool || b instanceof Bool) {
            return false;
        }
        if (a instanceof Num x && b instanceof Num y) {
            return x.value() == y.value();
        }
        if (a instanceof Text x && b instanceof Text y) {
            if (x.value().equals(y.value())) {
                return true;
            }
            Quantity qa = quantity(x.value().strip());
            Quantity qb = quantity(y.value().strip());
            if (qa != null && qb != null) {
                return qa.dimension() == qb.dimension() && qa.si() == qb.si();
            }
            Double na = numeric(x.value());
            Double nb = numeric(y.value());
            return na != null && nb != null && na.doubleValue() == nb.doubleValue();
        }
        // a number and a text: equal when the text reads as that number
        Value text = a instanceof Text ? a : b;
        Value num = a instanceof Num ? a : b;
        Double d = numeric(((Text) text).value());
        return d != null && d == ((Num) num).value();
    }

    private static int compare(Value a, Value b, String op) {
        return Double.compare(number(a, op), number(b, op));
    }

    // ---- parsing ----

    private static final Set<String> FUNCTIONS = Set.of("min", "max", "abs", "log2");

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        private ExpressionException error(String what) {
            return new ExpressionException(what + " at column " + (pos + 1) + " of \"" + s + "\"");
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean peekSymbol(String sym) {
            skip();
            return s.startsWith(sym, pos);
        }

        private boolean symbol(String sym) {
            if (peekSymbol(sym)) {
                pos += sym.length();
                return true;
            }
            return false;
        }

        /** A keyword (and, or, not, true, false) as a whole word. */
        private boolean keyword(String word) {
            skip();
            int end = pos + word.length();
            if (s.startsWith(word, pos) && (end == s.length() || !isNameChar(s.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        void expectEnd() {
            skip();
            if (pos < s.length()) {
                throw error("unexpected '" + s.charAt(pos) + "'");
            }
        }

        Node or() {
            Node n = and();
            while (keyword("or") || symbol("||")) {
                n = new Binary("or", n, and());
            }
            return n;
        }

        Node and() {
            Node n = not();
            while (keyword("and") || symbol("&&")) {
                n = new Binary("and", n, not());
            }
            return n;
        }

        Node not() {
            if (keyword("not") || (peekSymbol("!") && !peekSymbol("!=") && symbol("!"))) {
                return new Unary("not", not());
            }
            return compare();
        }

        Node compare() {
            Node n = sum();
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (symbol(op)) {
                    Node r = sum();
                    skip();
                    for (String again : new String[] {"==", "!=", "<", ">"}) {
                        if (s.startsWith(again, pos)) {
                            throw error("comparisons do not chain; use 'and'");
                        }
                    }
                    return new Binary(op, n, r);
                }
            }
            if (peekSymbol("=") ) {
                throw error("'=' is not an operator; use '==' to compare");
            }
            return n;
        }

        Node sum() {
            Node n = product();
            while (true) {
                if (symbol("+")) {
                    n = new Binary("+", n, product());
                } else if (symbol("-")) {
                    n = new Binary("-", n, product());
                } else {
                    return n;
                }
            }
        }

        Node product() {
            Node n = unary();
            while (true) {
                if (symbol("*")) {
                    n = new Binary("*", n, unary());
                } else if (symbol("/")) {
                    n = new Binary("/", n, unary());
                } else if (symbol("%")) {
                    n = new Binary("%", n, unary());
                } else {
                    return n;
                }
            }
        }

        Node unary() {
            if (symbol("-")) {
                return new Unary("-", unary());
            }
            return primary();
        }

        Node primary() {
            skip();
            if (pos >= s.length()) {
                throw error("expression ends early");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = or();
                if (!symbol(")")) {
                    throw error("expected ')'");
                }
                return n;
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("unterminated text");
                }
                String t = s.substring(pos + 1, end);
                pos = end + 1;
                return new Literal(new Text(t));
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                if (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                    throw error("a number with a unit must be quoted (e.g. '22nm')");
                }
                try {
                    return new Literal(new Num(Double.parseDouble(s.substring(start, pos))));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("malformed number");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (isNameChar(s.charAt(pos)) || (s.charAt(pos) == '.'
                        && pos + 1 < s.length() && (Character.isLetter(s.charAt(pos + 1)) || s.charAt(pos + 1) == '_')))) {
                    pos++;
                }
                String name = s.substring(start, pos);
                switch (name) {
                    case "true":
                        return new Literal(new Bool(true));
                    case "false":
                        return new Literal(new Bool(false));
                    case "and", "or", "not":
                        pos = start;
                        throw error("'" + name + "' needs an operand before it");
                    default:
                        break;
                }
                if (FUNCTIONS.contains(name) && peekSymbol("(")) {
                    symbol("(");
                    List<Node> args = new ArrayList<>();
                    args.add(or());
                    while (symbol(",")) {
                        args.add(or());
                    }
                    if (!symbol(")")) {
                        throw error("expected ')' after the arguments of " + name);
                    }
                    int want = name.equals("abs") || name.equals("log2") ? 1 : -1;
                    if (want > 0 && args.size() != want) {
                        throw error(name + "() takes one argument, got " + args.size());
                    }
                    return new Call(name, args);
                }
                return new Name(name);
            }
            throw error("unexpected '" + c + "'");
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }

    /** For messages: a value's kind. */
    static String kind(Value v) {
        return v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
