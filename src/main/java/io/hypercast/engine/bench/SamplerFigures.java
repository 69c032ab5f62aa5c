package io.hypercast.engine.bench;

import io.hypercast.engine.bench.BenchRow.Target;
import io.hypercast.engine.hpo.bench.Problem;
import io.hypercast.engine.hpo.bench.SamplerBench;

/**
 * Sections 3 and 4 from {@link SamplerBench} (the sampler's own benchmark, reused as it is): the
 * median time of one TPE suggestion with 8 parameters, and the median best value over seeds on
 * Branin and Hartmann6.
 */
final class SamplerFigures {
    private SamplerFigures() {
    }

    static void addTo(BenchTable table, String speedSection, String qualitySection) {
        SamplerBench.Figures f = SamplerBench.run();
        for (SamplerBench.SpeedFigure s : f.speed()) {
            BenchRow row = BenchRow.of(speedSection, "8 parameters (4 log-scaled), " + s.finished() + " finished trials", s.medianMillis(), "ms",
                    "median of 501 suggestions after 2000 warm-up ones");
            table.add(s.finished() == 150 ? row.withTarget(Target.atMost(1), "Optuna 3.1: 15.7") : row);
        }
        for (SamplerBench.QualityFigure q : f.quality()) {
            boolean branin = q.problem() == Problem.BRANIN;
            String name = q.problem() == Problem.BRANIN ? "Branin" : "Hartmann6";
            String item = name + ", " + q.sampler();
            String note = "median best of " + SamplerBench.SEEDS + " seeds, " + SamplerBench.TRIALS + " trials; optimum " + q.problem().optimum();
            BenchRow row = BenchRow.of(qualitySection, item, q.medianBest(), "", note);
            if (q.sampler().startsWith("TPE hyperopt")) {
                row = row.withTarget(Target.atMost(branin ? 0.52 : -2.96), "Optuna 3.1, hyperopt-like: " + (branin ? "0.523" : "-2.960"));
            } else if (q.sampler().startsWith("TPE best")) {
                row = row.withTarget(Target.atMost(branin ? 0.41 : -3.07), "Optuna 3.1 default TPE: " + (branin ? "0.410" : "-3.068"));
            } else if (q.sampler().startsWith("Random")) {
                row = row.withTarget(null, "Random: " + (branin ? "0.778" : "-2.123"));
            }
            table.add(row);
        }
    }
}
