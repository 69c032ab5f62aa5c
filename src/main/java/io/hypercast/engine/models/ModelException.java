package io.hypercast.engine.models;

/**
 * Training or prediction failed: LightGBM refused the data or the parameters (its own message is
 * kept), or there was nothing to train on. A backtest marks the trial FAILED with this message.
 */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
