package io.hypercast.engine.models;

import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Num;
import io.hypercast.model.ParamValues;

import java.util.List;
import java.util.Objects;

/**
 * One hyperparameter of a model kind: its name, type, default (what the model uses when no value is
 * set), a one-line description, and the values it accepts: a numeric range (each end open, closed or
 * absent) or a list of allowed strings.
 */
public record HyperparameterSpec(
        String name,
        Type type,
        Object defaultValue,
        String description,
        Double min,
        boolean minInclusive,
        Double max,
        boolean maxInclusive,
        List<String> allowed) {

    public enum Type { INT, DOUBLE, STRING, BOOLEAN }

    public HyperparameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        defaultValue = ParamValues.normalize(defaultValue, name);
    }

    /** An integer parameter in [min, max] (both inclusive); LightGBM reads integers as 32-bit. */
    public static HyperparameterSpec integer(String name, long dflt, String description, long min, long max) {
        return new HyperparameterSpec(name, Type.INT, dflt, description, (double) min, true, (double) max, true, null);
    }

    public static HyperparameterSpec decimal(String name, double dflt, String description, Double min, boolean minInclusive,
                                             Double max, boolean maxInclusive) {
        return new HyperparameterSpec(name, Type.DOUBLE, dflt, description, min, minInclusive, max, maxInclusive, null);
    }

    public static HyperparameterSpec choice(String name, String dflt, String description, List<String> allowed) {
        return new HyperparameterSpec(name, Type.STRING, dflt, description, null, false, null, false, allowed);
    }

    public static HyperparameterSpec flag(String name, boolean dflt, String description) {
        return new HyperparameterSpec(name, Type.BOOLEAN, dflt, description, null, false, null, false, null);
    }

    public boolean numeric() {
        return type == Type.INT || type == Type.DOUBLE;
    }

    /** Whether a number lies in this parameter's range (for INT, after rounding to the nearest integer). */
    public boolean admits(double v) {
        double x = type == Type.INT ? ParamValues.roundToLong(v) : v;
        if (min != null && (minInclusive ? x < min : x <= min)) {
            return false;
        }
        return max == null || (maxInclusive ? x <= max : x < max);
    }

    /** The accepted values in words: "an integer >= 2", "a number in (0, 1]", "one of a, b", "true or false". */
    public String rule() {
        return switch (type) {
            case STRING -> "one of " + String.join(", ", allowed);
            case BOOLEAN -> "true or false";
            case INT, DOUBLE -> (type == Type.INT ? "an integer" : "a number") + range();
        };
    }

    private String range() {
        if (min != null && max != null && !(type == Type.INT && max >= Integer.MAX_VALUE)) {
            return " in " + (minInclusive ? "[" : "(") + Num.format(min) + ", " + Num.format(max) + (maxInclusive ? "]" : ")");
        }
        if (min != null) {
            return (minInclusive ? " >= " : " > ") + Num.format(min);
        }
        if (max != null) {
            return (maxInclusive ? " <= " : " < ") + Num.format(max);
        }
        return "";
    }

    /**
     * The value in canonical form, or an InvalidInputException at {@code where} naming this
     * parameter and its rule. INT values are rounded to the nearest integer and become Long (SPEC
     * section 1); DOUBLE values keep their type, so a whole-number sample stays shown as 5, not 5.0.
     * null is not a value here: callers treat it as "not set" and use the default.
     */
    public Object check(Object value, String where) {
        Object v = ParamValues.normalize(value, where);
        switch (type) {
            case INT, DOUBLE -> {
                if (!(v instanceof Number n)) {
                    throw new InvalidInputException(where, name + " must be " + rule() + ", got " + describe(v));
                }
                double d = n.doubleValue();
                if (!admits(d)) {
                    String rounded = type == Type.INT && !(v instanceof Long) ? " (rounded to " + ParamValues.roundToLong(d) + ")" : "";
                    throw new InvalidInputException(where, name + " must be " + rule() + ", got " + ParamValues.display(v) + rounded);
                }
                return type == Type.INT ? (Object) ParamValues.roundToLong(d) : v;
            }
            case STRING -> {
                if (!(v instanceof String s) || !allowed.contains(s)) {
                    throw new InvalidInputException(where, name + " must be " + rule() + ", got " + describe(v));
                }
                return s;
            }
            default -> {
                if (!(v instanceof Boolean)) {
                    throw new InvalidInputException(where, name + " must be true or false, got " + describe(v));
                }
                return v;
            }
        }
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Boolean b) {
            return "the boolean " + b;
        }
        return ParamValues.display(v);
    }
}
