package io.hypercast.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Hyperparameter values are Long (whole numbers), Double, String, Boolean or null. This class keeps
 * them in that canonical form, so that 24 is stored and shown as 24, never 24.0.
 */
public final class ParamValues {
    private ParamValues() {
    }

    public static Object normalize(Object v, String where) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw new InvalidInputException(where, "number " + b + " is too large");
            }
            return b.longValue();
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidInputException(where, "must be a finite number, got " + v);
            }
            return d;
        }
        throw new InvalidInputException(where, "must be a number, string, boolean or null, got " + v.getClass().getSimpleName());
    }

    /** The integer a fractional value of an integer hyperparameter is rounded to (SPEC section 1). */
    public static long roundToLong(double d) {
        return Math.round(d);
    }

    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    public static String display(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return Num.format(d);
        }
        return v.toString();
    }

    /** A number as double, for charts and the sampler; strings and booleans are not numbers. */
    public static Double asDouble(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
