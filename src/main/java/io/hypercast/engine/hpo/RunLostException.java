package io.hypercast.engine.hpo;

import java.util.UUID;

/**
 * This process no longer owns the run: another start-up found its heartbeat stale, marked it
 * INTERRUPTED and may have resumed it. Nothing more of the run may be written from here.
 */
public final class RunLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunLostException(UUID experimentId) {
        super("run " + experimentId + " was taken over by another process (it found this one's heartbeat stale); this process stopped it");
    }
}
