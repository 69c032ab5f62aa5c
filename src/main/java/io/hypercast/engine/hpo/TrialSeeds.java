package io.hypercast.engine.hpo;

/** Splits a run's seed into one per trial (SplitMix64), so each trial is reproducible on its own. */
public final class TrialSeeds {
    private TrialSeeds() {
    }

    public static long of(long runSeed, int trialNumber) {
        long z = runSeed + 0x9E3779B97F4A7C15L * (trialNumber + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & 0x7fffffffL; // LightGBM takes a non-negative int seed
    }
}
