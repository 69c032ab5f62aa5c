package io.hypercast.engine;

import java.util.Optional;
import java.util.UUID;

final class Ids {
    private Ids() {
    }

    static Optional<UUID> parse(String s) {
        try {
            return Optional.of(UUID.fromString(s.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
