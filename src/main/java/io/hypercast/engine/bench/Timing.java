package io.hypercast.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Median wall and CPU time of a piece of work run on the calling thread. CPU time is that thread's
 * own (LightGBM on one thread runs on the caller), so it hardly moves when other programs load the
 * machine, while wall time does.
 */
record Timing(double wall, double minWall, double cpu) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static Timing of(int warmups, int runs, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        boolean cpuKnown = THREADS.isCurrentThreadCpuTimeSupported();
        for (int i = 0; i < runs; i++) {
            long c0 = cpuKnown ? THREADS.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            work.run();
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = cpuKnown ? (THREADS.getCurrentThreadCpuTime() - c0) / 1e9 : Double.NaN;
        }
        return new Timing(Stats.median(wall), Stats.quantile(wall, 0), Stats.median(cpu));
    }
}
