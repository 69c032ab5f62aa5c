package io.hypercast.engine.hpo;

/**
 * A trial that failed where it ran (the model refused its parameters, LightGBM failed): the trial
 * is FAILED with this message, and {@code worker} records where that happened.
 */
public final class TrialFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String worker;

    public TrialFailedException(String message, String worker) {
        super(message);
        this.worker = worker;
    }

    public String worker() {
        return worker;
    }
}
