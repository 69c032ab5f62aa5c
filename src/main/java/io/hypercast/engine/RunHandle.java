package io.hypercast.engine;

import io.hypercast.model.HpoState;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A run started in this process: wait for it or cancel it. */
public final class RunHandle {
    private final UUID experimentId;
    private final CompletableFuture<HpoState> done;
    private final Runnable cancel;

    RunHandle(UUID experimentId, CompletableFuture<HpoState> done, Runnable cancel) {
        this.experimentId = experimentId;
        this.done = done;
        this.cancel = cancel;
    }

    public UUID experimentId() {
        return experimentId;
    }

    public CompletableFuture<HpoState> completion() {
        return done;
    }

    public void cancel() {
        cancel.run();
    }

    /** Blocks until the run ends (never call on the FX thread). */
    public HpoState await() {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public HpoState await(Duration max) throws TimeoutException {
        try {
            return done.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
