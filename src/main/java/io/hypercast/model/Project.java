package io.hypercast.model;

import java.time.Instant;
import java.util.UUID;

public record Project(UUID id, String title, String description, String creator, Instant createdAt, boolean demo) {
}
