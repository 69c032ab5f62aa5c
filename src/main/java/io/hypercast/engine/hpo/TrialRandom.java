package io.hypercast.engine.hpo;

import java.util.SplittableRandom;

/**
 * The random stream of one suggestion, derived from the run's seed and the trial number only, so
 * that a suggestion does not depend on which suggestions were made before it or on which thread.
 */
final class TrialRandom {
    private TrialRandom() {
    }

    static SplittableRandom of(long seed, int trialNumber) {
        // mix both so that neighbouring seeds and neighbouring trial numbers give unrelated streams
        long z = mix(seed) ^ mix(0x9E3779B97F4A7C15L * (trialNumber + 1L));
        return new SplittableRandom(mix(z));
    }

    /** The SplitMix64 finalizer: a bijection that spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
