package io.hypercast.engine.backtest;

import io.hypercast.engine.models.TrainingData;
import io.hypercast.model.BacktestSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A backtest's folds with their matrices, built once in LOADING_DATA and shared read-only by all
 * trials of the run, and each fold's LightGBM training Datasets, built at the first trial that needs
 * them and shared by the later ones.
 *
 * <p>Owns native memory through those Datasets: close it when the run ends (trials still running
 * then keep theirs until they end; trials started after the close fail).
 */
public final class PreparedBacktest implements AutoCloseable {
    private final BacktestSpec spec;
    private final ModelInputs inputs;
    private final List<FoldMatrix> folds;
    private final List<TrainingData> training;

    private PreparedBacktest(BacktestSpec spec, ModelInputs inputs, List<FoldMatrix> folds) {
        this.spec = spec;
        this.inputs = inputs;
        this.folds = folds;
        List<TrainingData> t = new ArrayList<>();
        for (FoldMatrix f : folds) {
            t.add(new TrainingData(f.trainX(), f.trainRows(), f.cols(), f.trainY()));
        }
        this.training = List.copyOf(t);
    }

    public static PreparedBacktest prepare(BacktestSpec spec, ModelInputs inputs) {
        FoldPlan plan = FoldPlan.of(spec);
        plan.checkPredictionLimit(spec, inputs.target().periodSeconds());
        FeatureBuilder builder = new FeatureBuilder(spec, inputs);
        List<FoldMatrix> folds = new ArrayList<>();
        for (FoldPlan.Fold fold : plan.folds()) {
            FoldMatrix m = builder.build(fold);
            if (m.predRows() > 0) {
                FeatureBuilder.requireTrainingRows(m);
            }
            folds.add(m);
        }
        return new PreparedBacktest(spec, inputs, List.copyOf(folds));
    }

    public BacktestSpec spec() {
        return spec;
    }

    public ModelInputs inputs() {
        return inputs;
    }

    List<FoldMatrix> folds() {
        return folds;
    }

    /** The training data of the {@code i}-th fold of {@link #folds()}. */
    TrainingData training(int i) {
        return training.get(i);
    }

    /** Frees the folds' LightGBM Datasets. */
    @Override
    public void close() {
        for (TrainingData t : training) {
            t.close();
        }
    }

    public int foldCount() {
        return folds.size();
    }

    /** Rows trained on, summed over folds: the work a trial does, for scheduling and benchmarks. */
    public long trainingRows() {
        long n = 0;
        for (FoldMatrix f : folds) {
            n += f.trainRows();
        }
        return n;
    }

    public long predictionRows() {
        long n = 0;
        for (FoldMatrix f : folds) {
            n += f.predRows();
        }
        return n;
    }
}
