package io.hypercast.model;

/**
 * A prior over one hyperparameter (SPEC section 4). Bounds are in natural units. Constructors
 * validate and throw {@link InvalidInputException} naming the field and the rule; the search space
 * adds the parameter's name.
 */
public sealed interface Distribution permits Uniform, QUniform, LogUniform, QLogUniform, Choice, Constant {

    /** The spec file's {@code type} value. */
    String type();

    /**
     * Whether every value is a whole number (quantized with whole lower, upper and q): such values
     * are stored, shown and exported as integers.
     */
    default boolean integral() {
        return false;
    }

    /** Whether the search models this parameter in log space (and charts use a log axis). */
    default boolean logScale() {
        return false;
    }

    static void requireFinite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(field, "must be a finite number, got " + v);
        }
    }

    static boolean whole(double v) {
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15;
    }
}
