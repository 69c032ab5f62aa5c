package io.hypercast.client;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import java.nio.file.Path;

/**
 * The client library's session, shaped like the platform's Python client: connect once, then use
 * {@code Project.get(uuid)}, {@code HPO.create(...)} and friends. Connecting opens the local store
 * ({@code ~/.hypercast/hypercast.db}, or {@code HYPERCAST_HOME}, or a file you name); runs started
 * with {@link HPO#run()} execute in this process.
 *
 * <pre>{@code
 * try (Hypercast session = Hypercast.connect()) {
 *     Project project = Project.get(projectUuid);
 *     Model model = Model.get(project, "demand_lgbm");
 *     HPO hpo = HPO.builder(project, model).title("My HPO") ... .create();
 *     hpo.run();
 *     hpo.waitUntilCompleted();
 *     TrialResult best = hpo.getResult().bestTrial();
 * }
 * }</pre>
 */
public final class Hypercast implements AutoCloseable {
    private static volatile Hypercast current;
    private final Engine engine;

    private Hypercast(Engine engine) {
        this.engine = engine;
    }

    /** Opens the default store and makes it this process's session. */
    public static synchronized Hypercast connect() {
        return connect(Settings.fromEnvironment());
    }

    /** Opens the store in {@code database} and makes it this process's session. */
    public static synchronized Hypercast connect(Path database) {
        return connect(Settings.fromEnvironment().withDatabase(database));
    }

    public static synchronized Hypercast connect(Settings settings) {
        if (current != null) {
            current.close();
        }
        current = new Hypercast(Engine.open(settings));
        return current;
    }

    static Engine engine() {
        Hypercast h = current;
        if (h == null) {
            throw new IllegalStateException("not connected: call Hypercast.connect() first");
        }
        return h.engine;
    }

    /** Closes the store; runs of this process still going are left INTERRUPTED, to be resumed. */
    @Override
    public synchronized void close() {
        synchronized (Hypercast.class) {
            if (current == this) {
                current = null;
            }
        }
        engine.close();
    }
}
