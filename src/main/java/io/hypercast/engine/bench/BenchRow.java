package io.hypercast.engine.bench;

/**
 * One figure of the benchmark table.
 *
 * @param section the section, e.g. "1 demo HPO"
 * @param item    what was measured
 * @param value   the figure, or null when there is none (a text-only row)
 * @param unit    its unit (s, ms, MW, %, rows/s, MB, x)
 * @param target  the target, or null
 * @param peer    the peer's figure as text, or empty
 * @param note    how it was measured, or why it is missing
 */
public record BenchRow(String section, String item, Double value, String unit, Target target, String peer, String note) {
    public BenchRow {
        peer = peer == null ? "" : peer;
        note = note == null ? "" : note;
        unit = unit == null ? "" : unit;
    }

    public static BenchRow of(String section, String item, double value, String unit, String note) {
        return new BenchRow(section, item, value, unit, null, "", note);
    }

    public static BenchRow text(String section, String item, String note) {
        return new BenchRow(section, item, null, "", null, "", note);
    }

    public BenchRow withTarget(Target t, String peerText) {
        return new BenchRow(section, item, value, unit, t, peerText, note);
    }

    /** "yes" or "no" when the row has a target and a value, else empty. */
    public String met() {
        if (target == null || value == null || value.isNaN()) {
            return "";
        }
        return target.isMet(value) ? "yes" : "no";
    }

    /** A target as the issue states it: at most, at least or under a bound. */
    public record Target(String op, double bound) {
        public static Target atMost(double b) {
            return new Target("<=", b);
        }

        public static Target atLeast(double b) {
            return new Target(">=", b);
        }

        public static Target under(double b) {
            return new Target("<", b);
        }

        public boolean isMet(double v) {
            return switch (op) {
                case "<=" -> v <= bound;
                case ">=" -> v >= bound;
                case "<" -> v < bound;
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public String toString() {
            return op + " " + BenchTable.format(bound);
        }
    }
}
