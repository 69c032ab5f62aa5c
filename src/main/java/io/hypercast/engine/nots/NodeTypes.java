package io.hypercast.engine.nots;

/** The concrete node types and the setting keys each reads. */
public final class NodeTypes {
    public static final String CSV_OBSERVATIONS = "CsvObservations";
    public static final String TIME_TRENDS = "TimeTrends";
    public static final String TIME_SERIES = "TimeSeries";
    public static final String RESAMPLING = "Resampling";
    public static final String FILL_NA = "FillNA";
    public static final String TIME_TRANSFORMATIONS = "TimeTransformations";
    public static final String LIGHTGBM = "LightGBM";

    public static final String FEATURES = "features";
    public static final String TARGETS = "targets";

    private NodeTypes() {
    }
}
