package io.hypercast.engine.hpo;

/**
 * Told of every change of a run, on the thread that made it (a trial worker or the run's
 * coordinator): implementations hand off quickly (the window coalesces and repaints on its own
 * thread).
 */
@FunctionalInterface
public interface RunListener {
    void onProgress(RunProgress progress);

    RunListener NONE = p -> { };
}
