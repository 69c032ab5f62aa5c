package io.hypercast.model;

import java.util.Locale;

/** Accuracy metrics; an HPO minimizes one of them. */
public enum Metric {
    MAE, MAPE, MSE, RMSE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Metric parse(String s) {
        for (Metric m : values()) {
            if (m.key().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new InvalidInputException("metric", "'" + s + "' is not one of mae, mape, mse, rmse");
    }
}
