package io.hypercast.model;

/**
 * Accuracy over (time, reference_time) pairs with a known target. {@code mape} is in percent over
 * rows whose actual is not zero, and null when there is no such row; {@code mapeZeroActuals}
 * counts the rows it left out.
 */
public record Metrics(double mae, double mse, double rmse, Double mape, long rows, long mapeZeroActuals) {

    /** The value of one metric, or null where it is undefined (mape with no non-zero actual). */
    public Double get(Metric metric) {
        return switch (metric) {
            case MAE -> mae;
            case MSE -> mse;
            case RMSE -> rmse;
            case MAPE -> mape;
        };
    }
}
