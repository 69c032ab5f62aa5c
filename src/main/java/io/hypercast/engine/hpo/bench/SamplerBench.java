package io.hypercast.engine.hpo.bench;

import io.hypercast.engine.hpo.Observation;
import io.hypercast.engine.hpo.RandomSampler;
import io.hypercast.engine.hpo.Sampler;
import io.hypercast.engine.hpo.TpeSampler;
import io.hypercast.engine.hpo.TpeSettings;
import io.hypercast.model.Distribution;
import io.hypercast.model.LogUniform;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Uniform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Measures the samplers: the time of one TPE suggestion, and the search quality (median best value
 * over seeds) of TPE and random search on standard test functions. A main class rather than a test
 * because it takes a while and its figures are to be read, not asserted; {@link #run()} lets a
 * command print them too.
 */
public final class SamplerBench {
    /** hyperopt's default number of random start-up trials. */
    public static final int HYPEROPT_STARTUP = 20;
    /** The settings that searched best in our runs (see {@link #run()}): fewer random start-up trials. */
    public static final TpeSettings BEST_SETTINGS =
            new TpeSettings(5, 4, 0.1, TpeSettings.Split.LINEAR, 25, 0.5, 25, 3.0);

    public static final int TRIALS = 100;
    public static final int SEEDS = 20;
    private static final int[] TIMED_HISTORIES = {10, 50, 150};

    /** Median time of one TPE suggestion with an 8-parameter space (4 log-scaled) after {@code finished} trials. */
    public record SpeedFigure(int finished, double medianMillis) {
    }

    /** Median over seeds of the best value found in {@link #TRIALS} sequential trials. */
    public record QualityFigure(Problem problem, String sampler, double medianBest) {
    }

    public record Figures(List<SpeedFigure> speed, List<QualityFigure> quality) {
    }

    private SamplerBench() {
    }

    public static void main(String[] args) {
        Figures f = run();
        System.out.println("TPE suggestion time, 8 parameters (4 log-scaled):");
        for (SpeedFigure s : f.speed()) {
            System.out.printf("  %3d finished trials: %.3f ms median%n", s.finished(), s.medianMillis());
        }
        System.out.printf("Search quality, %d trials, median best over %d seeds:%n", TRIALS, SEEDS);
        for (QualityFigure q : f.quality()) {
            System.out.printf("  %-10s %-40s %.4f (optimum %s)%n", q.problem(), q.sampler(), q.medianBest(),
                    q.problem().optimum());
        }
    }

    public static Figures run() {
        List<SpeedFigure> speed = new ArrayList<>();
        for (int n : TIMED_HISTORIES) {
            speed.add(new SpeedFigure(n, medianSuggestMillis(n)));
        }
        List<QualityFigure> quality = new ArrayList<>();
        String best = "TPE best settings " + describe(BEST_SETTINGS);
        for (Problem p : Problem.values()) {
            SearchSpace space = p.space();
            quality.add(new QualityFigure(p, "TPE hyperopt defaults",
                    medianBest(p, seed -> new TpeSampler(space, seed, TpeSettings.hyperopt(HYPEROPT_STARTUP)), TRIALS, SEEDS)));
            quality.add(new QualityFigure(p, best,
                    medianBest(p, seed -> new TpeSampler(space, seed, BEST_SETTINGS), TRIALS, SEEDS)));
            quality.add(new QualityFigure(p, "Random",
                    medianBest(p, seed -> new RandomSampler(space, seed), TRIALS, SEEDS)));
        }
        return new Figures(speed, quality);
    }

    /** Median over seeds 0..seeds-1 of {@link #bestOf}. */
    public static double medianBest(Problem problem, LongFunction<Sampler> samplerForSeed, int trials, int seeds) {
        double[] bests = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            bests[s] = bestOf(samplerForSeed.apply(s), problem, trials);
        }
        return median(bests);
    }

    /** The best value found by running {@code trials} trials one at a time. */
    public static double bestOf(Sampler sampler, Problem problem, int trials) {
        List<Observation> finished = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < trials; t++) {
            Map<String, Object> x = sampler.suggest(t, finished, List.of());
            double y = problem.value(x);
            finished.add(new Observation(x, y));
            best = Math.min(best, y);
        }
        return best;
    }

    private static double medianSuggestMillis(int finishedCount) {
        SearchSpace space = timingSpace();
        // no start-up trials, so that even the shortest history is timed through the Parzen estimators
        TpeSampler tpe = new TpeSampler(space, 7, TpeSettings.hyperopt(0));
        RandomSampler history = new RandomSampler(space, 11);
        List<Observation> finished = new ArrayList<>();
        for (int t = 0; t < finishedCount; t++) {
            Map<String, Object> x = history.suggest(t, List.of(), List.of());
            finished.add(new Observation(x, syntheticLoss(x)));
        }
        for (int i = 0; i < 2000; i++) {
            tpe.suggest(finishedCount + i, finished, List.of()); // let the JIT compile the hot paths
        }
        int runs = 501;
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            tpe.suggest(finishedCount + i, finished, List.of());
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(millis);
    }

    /** Typical gradient-boosting space: 8 parameters, 4 of them log-scaled, 4 quantized. */
    static SearchSpace timingSpace() {
        Map<String, Distribution> p = new LinkedHashMap<>();
        p.put("learning_rate", new LogUniform(1e-3, 0.3));
        p.put("lambda_l2", new LogUniform(1e-8, 10));
        p.put("num_leaves", new QLogUniform(8, 256, 1));
        p.put("min_data_in_leaf", new QLogUniform(1, 100, 1));
        p.put("feature_fraction", new Uniform(0.5, 1));
        p.put("bagging_fraction", new Uniform(0.5, 1));
        p.put("max_depth", new QUniform(3, 12, 1));
        p.put("num_iterations", new QUniform(50, 1000, 50));
        return new SearchSpace(p);
    }

    /** A smooth loss over the timing space so that good and bad groups differ as in a real run. */
    private static double syntheticLoss(Map<String, Object> x) {
        double lr = Math.log10(((Number) x.get("learning_rate")).doubleValue()) + 1.5;
        double leaves = Math.log(((Number) x.get("num_leaves")).doubleValue()) - 4;
        double ff = ((Number) x.get("feature_fraction")).doubleValue() - 0.8;
        double depth = (((Number) x.get("max_depth")).doubleValue() - 7) / 3;
        return lr * lr + leaves * leaves + 4 * ff * ff + depth * depth;
    }

    private static String describe(TpeSettings s) {
        return "(n_startup_jobs " + s.nStartupJobs() + ", n_ei_candidates " + s.nEiCandidates()
                + ", gamma " + s.gamma() + " " + s.split() + ", prior_weight " + s.priorWeight()
                + ", bandwidth_factor " + s.bandwidthFactor() + ")";
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }
}
