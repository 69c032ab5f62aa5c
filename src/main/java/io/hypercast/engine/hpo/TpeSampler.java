package io.hypercast.engine.hpo;

import io.hypercast.model.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The Tree-structured Parzen Estimator of Bergstra et al. (2011) as hyperopt's tpe.suggest does it
 * (SPEC section 4): random suggestions until {@code nStartupJobs} trials exist; then the finished
 * trials are split by loss into a good group (ceil(gamma * sqrt(n)), at most gammaCap) and a bad
 * group, and every parameter is chosen independently by its {@link ParameterModel}.
 *
 * <p>Pending trials count as trials (for the start-up count and n, as hyperopt counts every trial
 * document) and join the bad group as if their loss were infinite (hyperopt's treatment of running
 * trials, a constant liar), so that concurrent suggestions move away from each other.
 */
public final class TpeSampler implements Sampler {
    /** Stands for a parameter absent from a trial, which must not be confused with a null value. */
    private static final Object MISSING = new Object();

    private final PriorSampler prior;
    private final Map<String, ParameterModel> models = new LinkedHashMap<>();
    private final long seed;
    private final TpeSettings settings;

    public TpeSampler(SearchSpace space, long seed, TpeSettings settings) {
        this.prior = new PriorSampler(space);
        this.seed = seed;
        this.settings = Objects.requireNonNull(settings, "settings");
        space.parameters().forEach((name, d) -> models.put(name, ParameterModel.of(d, settings)));
    }

    public TpeSettings settings() {
        return settings;
    }

    @Override
    public Map<String, Object> suggest(int trialNumber, List<Observation> finished, List<Map<String, Object>> pending) {
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(pending, "pending");
        SplittableRandom rng = TrialRandom.of(seed, trialNumber);
        int nFinished = finished.size();
        int n = nFinished + pending.size();
        if (n < settings.nStartupJobs()) {
            return prior.sample(rng);
        }
        boolean[] good = goodTrials(finished, Math.min(settings.goodCount(n), nFinished));
        int nGood = 0;
        for (boolean b : good) {
            nGood += b ? 1 : 0;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterModel> e : models.entrySet()) {
            String name = e.getKey();
            Object[] goodValues = new Object[nGood];
            Object[] badValues = new Object[n - nGood];
            int gi = 0;
            int bi = 0;
            for (int i = 0; i < nFinished; i++) {
                Object v = valueOf(finished.get(i).parameters(), name);
                if (good[i]) {
                    goodValues[gi++] = v;
                } else {
                    badValues[bi++] = v;
                }
            }
            for (Map<String, Object> p : pending) {
                badValues[bi++] = valueOf(p, name);
            }
            values.put(name, e.getValue().suggest(goodValues, badValues, rng));
        }
        return values;
    }

    /** Marks the count lowest losses; ties go to the earlier trial (a stable split, unlike numpy's argsort). */
    private static boolean[] goodTrials(List<Observation> finished, int count) {
        int n = finished.size();
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = finished.get(i).loss();
        }
        boolean[] good = new boolean[n];
        for (int picked = 0; picked < count; picked++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!good[i] && (best < 0 || losses[i] < losses[best])) {
                    best = i;
                }
            }
            good[best] = true;
        }
        return good;
    }

    private static Object valueOf(Map<String, Object> parameters, String name) {
        if (parameters == null) {
            return MISSING;
        }
        Object v = parameters.get(name);
        return v != null || parameters.containsKey(name) ? v : MISSING;
    }
}
