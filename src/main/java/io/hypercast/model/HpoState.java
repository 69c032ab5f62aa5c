package io.hypercast.model;

/** The state of an HPO or a backtest: a DRAFT, then the states of its run (SPEC section 4, lifecycle). */
public enum HpoState {
    DRAFT, PENDING, LOADING_DATA, RUNNING, SUCCESS, FAILURE, CANCELLED, INTERRUPTED;

    /** A run counts against the concurrency guardrails while it is in one of these. */
    public boolean isActive() {
        return this == PENDING || this == LOADING_DATA || this == RUNNING;
    }

    public boolean isFinished() {
        return this == SUCCESS || this == FAILURE || this == CANCELLED;
    }
}
