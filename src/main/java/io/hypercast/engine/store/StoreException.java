package io.hypercast.engine.store;

/** The store cannot be opened or written: not a Hypercast file, a newer schema, read-only, locked, full. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
