package io.hypercast.engine.data;

/** How {@link FillNa} fills missing values (SPEC section 1, FillNA). */
public enum FillMethod {
    /** A fixed value. */
    CONSTANT,
    /** The last valid value before the gap. */
    FORWARD,
    /** A straight line between the valid values either side of the gap. */
    LINEAR
}
