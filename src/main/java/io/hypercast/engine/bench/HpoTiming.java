package io.hypercast.engine.bench;

import io.hypercast.engine.Engine;
import io.hypercast.engine.RunHandle;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one HPO through the engine's real path (guardrails, loading data, the run coordinator, the
 * shared trial pool, the store) and times it: wall time, each trial's busy time (from its start to
 * its end as the run records them), and the idle share.
 */
public final class HpoTiming {
    private HpoTiming() {
    }

    /**
     * @param wallSeconds   from the run request to the run's end (final state written)
     * @param loadSeconds   from the run request to the first trial's start: guardrails, NoTS evaluation, fold matrices
     * @param busySeconds   summed over trials, start to end
     * @param workers       trials that can run at once: min(max_concurrent_trials, trial pool)
     * @param drainSeconds  idle worker time at the end, once no trial was left to start (summed over workers)
     * @param trialSeconds  busy time of each completed trial
     * @param best          the lowest objective, or NaN
     * @param cpuSeconds    CPU time of the whole process during the run (NaN if the JVM cannot tell)
     */
    public record Figures(UUID experimentId, HpoState state, int completed, int failed, double wallSeconds, double loadSeconds,
                          double busySeconds, int workers, double drainSeconds, List<Double> trialSeconds, double best,
                          List<Trial> trials, double cpuSeconds) {
        /** Cores this process kept busy on average during the run (its CPU time over wall time). */
        public double coresUsed() {
            return cpuSeconds / wallSeconds;
        }

        /** Trials completed per second of wall time. */
        public double throughput() {
            return completed / wallSeconds;
        }

        /** wall - busy / workers, as a percentage of wall: time a worker slot sat idle. */
        public double overheadPercent() {
            return 100 * (wallSeconds - busySeconds / workers) / wallSeconds;
        }

        /** As {@link #overheadPercent()} without the idle slots of the last trials' drain. */
        public double overheadWithoutDrainPercent() {
            return 100 * (wallSeconds - (busySeconds + drainSeconds) / workers) / wallSeconds;
        }

        /** Times from one trial's end to the next one's start, one at a time runs only (else empty). */
        public List<Double> gapsSeconds() {
            List<Double> gaps = new ArrayList<>();
            if (workers != 1) {
                return gaps;
            }
            List<Trial> byStart = new ArrayList<>(trials.stream().filter(t -> t.startedAt() != null).toList());
            byStart.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
            for (int i = 1; i < byStart.size(); i++) {
                gaps.add(seconds(byStart.get(i - 1).finishedAt(), byStart.get(i).startedAt()));
            }
            return gaps;
        }

        public double medianTrialSeconds() {
            return Stats.median(trialSeconds);
        }
    }

    public static Figures run(Engine engine, UUID projectId, HpoSpec spec) {
        Experiment e = engine.experiments().createHpo(projectId, spec);
        Map<Integer, Trial> ended = new ConcurrentHashMap<>();
        AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        RunHandle h = engine.experiments().run(e.id(), Duration.ofHours(6), p -> {
            Trial t = p.trial();
            if (t == null) {
                return;
            }
            if (t.state() == TrialState.RUNNING) {
                firstStart.accumulateAndGet(System.nanoTime(), Math::min);
            } else if (t.finishedAt() != null) {
                ended.put(t.number(), t);
            }
        });
        HpoState state = h.await();
        long t1 = System.nanoTime();
        double cpu = processCpuSeconds() - cpu0;
        double wall = (t1 - t0) / 1e9;
        double load = firstStart.get() == Long.MAX_VALUE ? wall : (firstStart.get() - t0) / 1e9;
        double busy = 0;
        List<Double> perTrial = new ArrayList<>();
        double best = Double.NaN;
        int completed = 0;
        int failed = 0;
        Instant lastStart = null;
        Instant lastEnd = null;
        for (Trial t : ended.values()) {
            if (t.startedAt() == null) {
                continue;
            }
            double s = seconds(t.startedAt(), t.finishedAt());
            busy += s;
            lastStart = lastStart == null || t.startedAt().isAfter(lastStart) ? t.startedAt() : lastStart;
            lastEnd = lastEnd == null || t.finishedAt().isAfter(lastEnd) ? t.finishedAt() : lastEnd;
            if (t.state() == TrialState.COMPLETED) {
                completed++;
                perTrial.add(s);
                if (t.objective() != null && (Double.isNaN(best) || t.objective() < best)) {
                    best = t.objective();
                }
            } else if (t.state() == TrialState.FAILED) {
                failed++;
            }
        }
        int workers = Math.min(spec.searchAlgorithm().maxConcurrentTrials(), engine.scheduler().workers());
        // after the last trial started nothing new could start: each slot freed from then on idles until the end
        double drain = 0;
        int runningAtLastStart = 0;
        if (lastStart != null) {
            for (Trial t : ended.values()) {
                if (t.startedAt() != null && !t.startedAt().isAfter(lastStart) && t.finishedAt().isAfter(lastStart)) {
                    drain += seconds(t.finishedAt(), lastEnd);
                    runningAtLastStart++;
                }
            }
            drain += Math.max(0, workers - runningAtLastStart) * seconds(lastStart, lastEnd);
        }
        List<Trial> trials = new ArrayList<>(ended.values());
        trials.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return new Figures(e.id(), state, completed, failed, wall, load, busy, workers, drain, perTrial, best, trials, cpu);
    }

    /** This process's CPU time so far, in seconds, or NaN. */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns < 0 ? Double.NaN : ns / 1e9;
        }
        return Double.NaN;
    }

    private static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }
}
