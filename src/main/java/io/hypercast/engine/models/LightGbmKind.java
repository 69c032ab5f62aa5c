package io.hypercast.engine.models;

import java.util.List;

/**
 * The LightGBM model kind with SPEC section 1's hyperparameters and defaults. Ranges are what
 * LightGBM itself accepts (num_leaves up to 131072, integers 32-bit), so a value refused here is one
 * the library would refuse or misread.
 */
public final class LightGbmKind implements ModelKind {
    public static final LightGbmKind INSTANCE = new LightGbmKind();
    public static final String NAME = "LightGBM";

    public static final List<String> OBJECTIVES = List.of("mean_squared_error", "mean_absolute_error",
            "mean_absolute_percentage_error", "quantile");

    private static final long INT_MAX = Integer.MAX_VALUE;

    private static final List<HyperparameterSpec> PARAMETERS = List.of(
            HyperparameterSpec.choice("objective", "mean_squared_error", "loss minimized while fitting; quantile fits the alpha quantile",
                    OBJECTIVES),
            HyperparameterSpec.integer("num_boost_round", 100, "number of boosting rounds (trees)", 1, INT_MAX),
            HyperparameterSpec.decimal("learning_rate", 0.1, "shrinkage applied to each tree's contribution", 0.0, false, null, false),
            HyperparameterSpec.integer("max_depth", -1, "maximum depth of a tree; -1 means no limit", -1, INT_MAX),
            HyperparameterSpec.integer("max_leaves", 31, "maximum number of leaves in a tree", 2, 131_072),
            HyperparameterSpec.integer("min_data_in_leaf", 20, "minimum number of training rows in a leaf", 0, INT_MAX),
            HyperparameterSpec.decimal("min_child_weight", 1e-3, "minimum sum of hessians in a leaf", 0.0, true, null, false),
            HyperparameterSpec.decimal("min_gain_to_split", 0.0, "minimum loss reduction needed to split a leaf", 0.0, true, null, false),
            HyperparameterSpec.decimal("subsample", 1.0, "fraction of rows sampled for each tree (bagging)", 0.0, false, 1.0, true),
            HyperparameterSpec.decimal("colsample_bytree", 1.0, "fraction of features sampled for each tree", 0.0, false, 1.0, true),
            HyperparameterSpec.decimal("reg_alpha", 0.0, "L1 regularization of leaf values", 0.0, true, null, false),
            HyperparameterSpec.decimal("reg_lambda", 0.0, "L2 regularization of leaf values", 0.0, true, null, false),
            HyperparameterSpec.decimal("alpha", 0.9, "the quantile fitted when objective is quantile", 0.0, false, 1.0, false),
            HyperparameterSpec.flag("fit_on_null_values", true, "train on rows with missing features; false drops such rows"),
            HyperparameterSpec.flag("predict_on_null_values", true, "predict rows with missing features; false skips and counts them"));

    private LightGbmKind() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<HyperparameterSpec> hyperparameters() {
        return PARAMETERS;
    }
}
