package io.hypercast.engine.data;

/** How {@link Resample} combines the values of one coarser interval (SPEC section 1, Resampling). */
public enum Aggregation {
    MEAN, SUM, MIN, MAX, LAST
}
