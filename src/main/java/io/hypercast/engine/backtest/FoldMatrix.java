package io.hypercast.engine.backtest;

import java.time.Instant;

/**
 * One fold's training and prediction matrices, row-major float32 as LightGBM takes them (NaN =
 * null). Built once per run: features do not depend on hyperparameters, so every trial reuses them.
 * Immutable after construction; shared by concurrent trials.
 */
record FoldMatrix(
        int index,
        Instant fitTime,
        int cols,
        float[] trainX,
        float[] trainY,
        int trainRows,
        float[] predX,
        long[] predTime,
        long[] predRef,
        double[] actual,
        boolean[] predHasNull,
        int predRows) {
}
