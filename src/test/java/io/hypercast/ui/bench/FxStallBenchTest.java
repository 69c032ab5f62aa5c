package io.hypercast.ui.bench;

import static io.hypercast.ui.WindowFixture.fx;
import static io.hypercast.ui.WindowFixture.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoState;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.HypercastApp;
import io.hypercast.ui.WindowFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * How long the FX thread stalls while a 150-trial HPO runs 5 trials at once (5 trial workers on
 * this machine's cores) with its page and live trials table on screen: an AnimationTimer records
 * the gap between consecutive pulses (about 16 ms when the FX thread is free). Two runs: the first
 * in a cold JVM (the pages' first layout, CSS and JIT compete with the trials for the cores), the
 * second warm. Besides the wall-clock gaps it sums the CPU time the FX thread and the renderer
 * used between two pulses: the stall the window makes itself, which the wall gaps exceed when other
 * programs keep the cores busy (the load average is printed with the figures). A benchmark, not a
 * timed test: it prints the figures.
 *
 * <p>Run: {@code mvn -o test -Dgroups=bench -DexcludedGroups= -Dtest=FxStallBenchTest}; with the
 * environment variable HYPERCAST_BENCH_DUMP set it also prints the FX thread's stack during stalls.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class FxStallBenchTest {

    private static final String SPACE = """
            {"num_boost_round": {"type": "QUniform", "lower": 20, "upper": 60, "q": 1},
             "learning_rate": {"type": "LogUniform", "lower": 0.05, "upper": 0.3},
             "max_leaves": {"type": "QUniform", "lower": 4, "upper": 31, "q": 1}}""";

    @TempDir
    Path dir;
    private WindowFixture w;

    @Start
    void start(Stage stage) {
        w = new WindowFixture(dir, stage, workers());
    }

    /** Trial workers of the window's pool: the app's own choice (cores - 1, at least 1). */
    int workers() {
        return HypercastApp.trialWorkers();
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void longestFxStallDuringA150TrialRunWith5Concurrent() {
        measure("cold");
        measure("warm");
    }

    private void measure(String label) {
        Experiment e = w.engine.experiments().createHpo(w.sp.project.id(), SpecJson.readHpo(SyntheticProject.hpoSpecJson(150, 5, SPACE)));
        fx(() -> w.window.showExperiment(e.id())); // the HPO's page, as the user opens it before clicking Run
        until(20, () -> w.window.page() != null && e.id().equals(w.window.page().experimentId()) && w.window.page().prepared());

        Pulses pulses = new Pulses();
        fx(pulses::start);
        fx(() -> w.window.page().form().saveAndRun(null)); // Run HPO on its page
        until(60, () -> w.app.runs().handle(e.id()).isPresent());
        HpoState end = w.app.runs().handle(e.id()).orElseThrow().await();
        pulses.runEnded = System.nanoTime();
        double runSeconds = (pulses.runEnded - pulses.started) / 1e9;
        until(30, () -> "150 / 150".equals(w.window.page().trials().progressTextProperty().get()));
        fx(pulses::stop);
        assertEquals(HpoState.SUCCESS, end);
        pulses.report(label, runSeconds, workers());
    }

    /** Gaps between FX pulses, with a watchdog that can show what the FX thread is doing in a long one. */
    private static final class Pulses extends AnimationTimer {
        final long[] gaps = new long[500_000];
        final long[] ends = new long[500_000];
        int count;
        volatile long runEnded = Long.MAX_VALUE;
        long last;
        volatile long lastSeen = System.nanoTime();
        final long started = System.nanoTime();
        volatile boolean on = true;

        @Override
        public void start() {
            super.start();
            if (System.getenv("HYPERCAST_BENCH_DUMP") != null) {
                Thread dog = new Thread(() -> {
                    Thread fxThread = null;
                    while (on) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException ie) {
                            return;
                        }
                        if (System.nanoTime() - lastSeen > 40_000_000L) {
                            if (fxThread == null) {
                                fxThread = Thread.getAllStackTraces().keySet().stream()
                                        .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElse(null);
                            }
                            if (fxThread != null) {
                                samples.merge("thread state " + fxThread.getState(), 1, Integer::sum);
                                sample(fxThread.getStackTrace());
                            }
                        }
                    }
                });
                dog.setDaemon(true);
                dog.start();
            }
        }

        @Override
        public void handle(long now) {
            long fxCpu = threads.getCurrentThreadCpuTime();
            long renderCpu = renderThread == null ? 0 : Math.max(0, threads.getThreadCpuTime(renderThread.getId()));
            if (last != 0 && count < gaps.length) {
                ends[count] = System.nanoTime();
                cpu[count] = (fxCpu - lastFxCpu) + (renderCpu - lastRenderCpu);
                gaps[count++] = now - last;
                if (now - last > 100_000_000L) {
                    System.out.printf(Locale.ROOT, "  stall of %.0f ms ending %.2f s after Run%n", (now - last) / 1e6, (now - started) / 1e9);
                }
            }
            last = now;
            lastFxCpu = fxCpu;
            lastRenderCpu = renderCpu;
            lastSeen = System.nanoTime();
        }

        // the CPU the FX thread and the renderer used between two pulses: the stall this program makes
        // itself, whatever other programs take from the cores (wall gaps include waiting for a core)
        final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        final Thread renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        final long[] cpu = new long[500_000];
        long lastFxCpu;
        long lastRenderCpu;

        @Override
        public void stop() {
            on = false;
            super.stop();
            if (!samples.isEmpty()) {
                System.out.println("  where the FX thread was in pulses over 40 ms (10 ms samples; frame: count):");
                samples.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(40)
                        .forEach(en -> System.out.println("    " + en.getValue() + "  " + en.getKey()));
            }
        }

        final java.util.Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();

        /** Counts each distinct frame of a sample once: our code and the skins' layout and CSS steps say what costs. */
        void sample(StackTraceElement[] st) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (StackTraceElement e : st) {
                String c = e.getClassName();
                if (c.startsWith("io.hypercast") || c.contains("Skin") || c.contains("CssStyleHelper") || c.contains("VirtualFlow")
                        || c.startsWith("org.jfree") || c.startsWith("javafx.scene.layout") || c.contains("Cell")) {
                    String k = c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName();
                    if (seen.add(k)) {
                        samples.merge(k, 1, Integer::sum);
                    }
                }
            }
        }

        void report(String label, double runSeconds, int workers) {
            long[] during = java.util.stream.IntStream.range(0, count).filter(i -> ends[i] <= runEnded).mapToLong(i -> gaps[i]).sorted().toArray();
            long[] g = during;
            long[] c = java.util.stream.IntStream.range(0, count).filter(i -> ends[i] <= runEnded).mapToLong(i -> cpu[i]).sorted().toArray();
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf(Locale.ROOT, "FX stall bench (%s JVM, %d trial worker(s) on %d cores, load average %.2f): 150 trials, 5 concurrent, run %.1f s, "
                            + "%d pulses from Run to the run's end; gap between pulses: median %.1f ms, p99 %.1f ms, max %.1f ms, %d over 100 ms; "
                            + "FX thread + renderer CPU between pulses: median %.1f ms, p99 %.1f ms, max %.1f ms, %d over 100 ms%n",
                    label, workers, Runtime.getRuntime().availableProcessors(), load, runSeconds, g.length, g[g.length / 2] / 1e6,
                    g[(int) (g.length * 0.99)] / 1e6, g[g.length - 1] / 1e6, Arrays.stream(g).filter(x -> x > 100_000_000L).count(),
                    c[c.length / 2] / 1e6, c[(int) (c.length * 0.99)] / 1e6, c[c.length - 1] / 1e6,
                    Arrays.stream(c).filter(x -> x > 100_000_000L).count());
        }
    }
}
