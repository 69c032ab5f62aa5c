package io.hypercast.engine.hpo;

import io.hypercast.model.Choice;
import io.hypercast.model.ParamValues;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * TPE for a Choice (hyperopt's categorical posterior): each group's probabilities are its
 * linear-forgetting weighted counts plus the prior weight as pseudocount per value; candidates are
 * drawn from the good probabilities and the one with the largest log l - log g wins.
 */
final class ChoiceModel implements ParameterModel {
    private final List<Object> choices;
    private final TpeSettings settings;

    ChoiceModel(Choice choice, TpeSettings settings) {
        this.choices = Objects.requireNonNull(choice, "choice").choices();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Object suggest(Object[] good, Object[] bad, RandomGenerator rng) {
        double[] l = probabilities(good);
        double[] g = probabilities(bad);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < settings.nEiCandidates(); c++) {
            int k = draw(l, rng.nextDouble());
            double score = Math.log(l[k]) - Math.log(g[k]);
            if (best < 0 || score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return choices.get(best);
    }

    private double[] probabilities(Object[] values) {
        int[] indices = new int[values.length];
        int n = 0;
        for (Object v : values) {
            int k = indexOf(v);
            if (k >= 0) {
                indices[n++] = k; // a value no longer among the choices says nothing
            }
        }
        double[] forget = ForgettingWeights.of(n, settings.linearForgetting());
        double[] p = new double[choices.size()];
        double total = 0;
        for (int i = 0; i < n; i++) {
            p[indices[i]] += forget[i];
            total += forget[i];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] += settings.priorWeight();
            total += settings.priorWeight();
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= total;
        }
        return p;
    }

    private int indexOf(Object v) {
        for (int k = 0; k < choices.size(); k++) {
            if (ParamValues.same(choices.get(k), v)) {
                return k;
            }
        }
        return -1;
    }

    private static int draw(double[] p, double u) {
        double acc = 0;
        for (int k = 0; k < p.length - 1; k++) {
            acc += p[k];
            if (u < acc) {
                return k;
            }
        }
        return p.length - 1;
    }
}
