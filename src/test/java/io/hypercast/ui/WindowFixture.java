package io.hypercast.ui;

import io.hypercast.engine.Engine;
import io.hypercast.testing.SyntheticProject;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.FxTaskExecutor;
import io.hypercast.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window on a temporary store with the synthetic project, a real background executor
 * and recording dialogs, for TestFX flows and the benchmark.
 */
public final class WindowFixture implements AutoCloseable {
    public final Engine engine;
    public final SyntheticProject sp;
    public final RecordingDialogs dialogs = new RecordingDialogs();
    public final FxTaskExecutor tasks = new FxTaskExecutor(2);
    public final AppContext app;
    public final MainWindow window;

    /** Builds the window in {@code stage}; call on the FX thread (a TestFX @Start method). */
    public WindowFixture(Path dir, Stage stage) {
        this(dir, stage, 2);
    }

    /** With {@code workers} trial workers (the benchmark runs 5 trials at once). */
    public WindowFixture(Path dir, Stage stage, int workers) {
        engine = TestEngines.open(dir, workers);
        sp = SyntheticProject.create(engine, "synthetic");
        app = AppContext.of(engine, tasks, dialogs);
        window = new MainWindow(app);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(HypercastApp.class.getResource(HypercastApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        window.start(sp.project.id());
    }

    /** Waits (polling on the FX thread, no sleeping) until {@code condition} holds. */
    public static void until(int seconds, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, (Callable<Boolean>) () -> {
                Boolean ok = WaitForAsyncUtils.asyncFx(condition::get).get();
                return Boolean.TRUE.equals(ok);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    /** Runs on the FX thread and waits; what it throws is thrown here (a failed step fails the test). */
    public static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error er) {
                throw er;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the FX thread did not run the step: " + e, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        try {
            WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        engine.close();
        tasks.close();
    }
}
