package io.hypercast.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the window does background work: store reads and writes, runs, exports. {@code work}
 * runs off the FX thread; exactly one of {@code onDone} / {@code onError} is then called on the FX
 * thread. ViewModel tests use {@link #sameThread()}, which runs everything inline.
 */
public interface TaskExecutor {

    <T> void submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onError);

    /** Runs {@code action} on the FX thread (inline in the same-thread executor). */
    void onUiThread(Runnable action);

    default void submit(Runnable work, Runnable onDone, Consumer<? super Throwable> onError) {
        submit(() -> {
            work.run();
            return null;
        }, ignored -> onDone.run(), onError);
    }

    /** Everything runs at once on the calling thread: for ViewModel tests without a toolkit. */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onError) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onError.accept(e);
                    return;
                }
                onDone.accept(result);
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }
        };
    }
}
