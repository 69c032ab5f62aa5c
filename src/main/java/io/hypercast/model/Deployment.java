package io.hypercast.model;

import java.time.Instant;
import java.util.UUID;

/** Freezes its project's NoTS; an active one also runs the project's policies. */
public record Deployment(UUID id, UUID projectId, String title, boolean active, String reason, Instant createdAt) {
}
