package io.hypercast.engine.hpo;

/**
 * Told of every change of a run, on the thread that made it (a trial worker or the run's
 * coordinator): implementations hand off quickly (the window coalesces and repaints on its own
 * thread).
 */
@FunctionalInterface
public interface RunListener {
    void onProgress(RunProgress progress);

    /**
     * A message about where the run's trials go, for people: e.g. "no cluster worker left: running
     * trials locally" when a run on a cluster falls back to this process.
     */
    default void onNotice(java.util.UUID experimentId, String message) {
    }

    RunListener NONE = p -> { };
}
