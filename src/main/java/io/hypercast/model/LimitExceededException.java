package io.hypercast.model;

/** A guardrail of SPEC section 3 or 4 was hit; nothing was started. The command line maps it to exit code 3. */
public class LimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String limit;
    private final long value;

    public LimitExceededException(String limit, long value, String detail) {
        super("limit exceeded: " + limit + " = " + value + (detail == null ? "" : " (" + detail + ")"));
        this.limit = limit;
        this.value = value;
    }

    public String limit() {
        return limit;
    }

    public long value() {
        return value;
    }
}
