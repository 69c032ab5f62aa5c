package io.hypercast.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Background work on a small pool of daemon threads, results handed back with
 * {@link Platform#runLater}. Thread-safe; {@link #busy()} counts submitted tasks that have not yet
 * delivered their result, so tests can wait for the window to settle.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;
    private final AtomicInteger busy = new AtomicInteger();

    public FxTaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hypercast-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onError) {
        busy.incrementAndGet();
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> deliver(() -> onDone.accept(result)));
            } catch (Exception | Error e) {
                Platform.runLater(() -> deliver(() -> onError.accept(e)));
            }
        });
    }

    private void deliver(Runnable r) {
        try {
            r.run();
        } finally {
            busy.decrementAndGet();
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Tasks submitted whose result has not reached the FX thread yet. */
    public int busy() {
        return busy.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
