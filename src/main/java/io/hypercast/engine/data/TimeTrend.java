package io.hypercast.engine.data;

/** Calendar features of the TimeTrends source (SPEC section 1), all computed at local time of the interval start. */
public enum TimeTrend {
    /** 0..23. */
    HOUR_OF_DAY,
    /** 0..47: hour * 2 + (minute >= 30 ? 1 : 0). */
    HALF_HOUR_OF_DAY,
    /** 0 = Monday .. 6 = Sunday. */
    DAY_OF_WEEK,
    /** 1..366. */
    DAY_OF_YEAR,
    /** 1..12. */
    MONTH,
    /** 1 on Saturday and Sunday, else 0. */
    WEEKEND
}
