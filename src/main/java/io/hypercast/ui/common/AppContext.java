package io.hypercast.ui.common;

import io.hypercast.engine.Engine;
import io.hypercast.ui.runs.RunTracker;
import java.time.ZoneId;

/**
 * What every page needs: the engine, the one background executor, the dialog service, the run
 * tracker, and the zone times are shown in. Tests build one with a same-thread executor or a
 * recording dialog service.
 */
public record AppContext(Engine engine, TaskExecutor tasks, DialogService dialogs, RunTracker runs, ZoneId displayZone) {

    public static AppContext of(Engine engine, TaskExecutor tasks, DialogService dialogs) {
        return new AppContext(engine, tasks, dialogs, new RunTracker(engine, tasks), ZoneId.systemDefault());
    }

    /** The message of a failure as the user should read it (the engine's messages already say what and where). */
    public static String message(Throwable t) {
        Throwable e = t;
        while ((e.getMessage() == null || e instanceof java.util.concurrent.CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
