package io.hypercast.engine.bench;

import java.util.List;

/**
 * The sizes of one benchmark run. {@link #full()} is what the issue asks for; {@link #quick()}
 * trades precision for well under a minute; {@link #tiny()} is for the smoke test.
 *
 * @param name            printed with the table
 * @param demoTrials      trials per demo HPO run (the spec's own number, 30, in full)
 * @param fixedRuns       timed runs of the fixed trial (median), after {@code fixedWarmups}
 * @param fixedRounds     num_boost_round of the fixed trial (500 in full)
 * @param growthFactors   training windows, as multiples of the demo's 42 days
 * @param foldCounts      numbers of weekly folds
 * @param growthRounds    num_boost_round of the cost-growth trial
 * @param growthRuns      timed runs per cost-growth point (median)
 * @param storeWriters    concurrent writers
 * @param storeTrials     trials each writer writes
 * @param memoryTrials    trials of the peak-memory HPO (150 in full)
 * @param memoryInChild   measure peak memory in a fresh JVM (else in this process, where earlier sections count too)
 */
public record BenchConfig(String name, int demoTrials, int fixedWarmups, int fixedRuns, int fixedRounds, List<Integer> growthFactors,
                          List<Integer> foldCounts, int growthRounds, int growthRuns, int storeWriters, int storeTrials,
                          int memoryTrials, boolean memoryInChild) {

    public static BenchConfig full() {
        return new BenchConfig("full", 30, 2, 5, 500, List.of(1, 2, 4, 8), List.of(1, 2, 4, 8), 500, 3, 5, 200, 150, true);
    }

    public static BenchConfig quick() {
        return new BenchConfig("quick", 8, 1, 3, 500, List.of(1, 2, 4, 8), List.of(1, 2, 4, 8), 100, 1, 5, 20, 16, true);
    }

    /** For the smoke test: every section, on the smallest sizes that still exercise it. */
    public static BenchConfig tiny() {
        return new BenchConfig("tiny", 3, 0, 1, 20, List.of(1, 2), List.of(1, 2), 20, 1, 5, 4, 3, false);
    }

    public boolean isFull() {
        return name.equals("full");
    }
}
