package io.hypercast.model;

import java.math.BigDecimal;

/** Formats numbers for messages and exports: whole numbers without ".0", others in their shortest form. */
public final class Num {
    private Num() {
    }

    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
