package io.hypercast.engine.models;

/** Training stopped between boosting rounds because the trial was cancelled (by the user or the run's timeout). */
public final class TrialCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrialCancelledException(String message) {
        super(message);
    }
}
