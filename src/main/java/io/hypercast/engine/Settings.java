package io.hypercast.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the store lives and who the user is. {@code HYPERCAST_HOME} moves the data folder (default
 * {@code ~/.hypercast}); the profile name (guardrails count runs per profile) defaults to the
 * operating-system user and can be set with {@code HYPERCAST_PROFILE}.
 */
public record Settings(Path home, Path database, String profile, Duration defaultTimeout) {
    public static final Duration SIX_HOURS = Duration.ofHours(6);

    public static Settings fromEnvironment() {
        String homeEnv = System.getenv("HYPERCAST_HOME");
        Path home = homeEnv != null && !homeEnv.isBlank() ? Path.of(homeEnv) : Path.of(System.getProperty("user.home"), ".hypercast");
        String profile = System.getenv("HYPERCAST_PROFILE");
        if (profile == null || profile.isBlank()) {
            profile = System.getProperty("user.name", "user");
        }
        return new Settings(home, home.resolve("hypercast.db"), profile, SIX_HOURS);
    }

    public Settings withDatabase(Path db) {
        return new Settings(home, db, profile, defaultTimeout);
    }

    public Settings withProfile(String p) {
        return new Settings(home, database, p, defaultTimeout);
    }

    public Settings withDefaultTimeout(Duration d) {
        return new Settings(home, database, profile, d);
    }
}
