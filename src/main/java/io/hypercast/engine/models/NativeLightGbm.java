package io.hypercast.engine.models;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Loads LightGBM's native library once, on first use, from any thread.
 *
 * <p>Why the detour: lightgbm4j extracts its natives into {@code java.io.tmpdir} under fixed names
 * and overwrites them on every load. A second process (a second user, another version, the window
 * beside a command-line run, two test JVMs) then rewrites a library the first one has mapped,
 * which kills the first with SIGBUS. So each process extracts into a folder of its own, under a
 * per-user, per-version cache folder ({@code ~/.cache/hypercast/VERSION/native/PID}), and folders
 * of processes that are gone are removed at the next start.
 */
final class NativeLightGbm {
    private static volatile boolean loaded;

    private NativeLightGbm() {
    }

    static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (NativeLightGbm.class) {
            if (loaded) {
                return;
            }
            Path base = cacheFolder();
            Path mine = base.resolve(Long.toString(ProcessHandle.current().pid()));
            String previous = System.getProperty("java.io.tmpdir");
            try {
                Files.createDirectories(mine);
                removeStale(base);
                // lightgbm4j reads java.io.tmpdir when it loads; the JDK's own temp files cache
                // their folder at first use, so pointing it here for the load changes nothing else
                System.setProperty("java.io.tmpdir", mine.toString());
                LGBMBooster.loadNative();
            } catch (IOException | UnsatisfiedLinkError e) {
                throw new ModelException("could not load LightGBM's native library: " + e.getMessage(), e);
            } finally {
                System.setProperty("java.io.tmpdir", previous);
            }
            // lightgbm4j only logs a missing libgomp and returns, leaving the library unloaded
            if (!LGBMBooster.isNativeLoaded()) {
                throw new ModelException("could not load LightGBM's native library for " + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch") + " (on Linux it needs the OpenMP runtime libgomp, package libgomp1)");
            }
            loaded = true;
        }
    }

    /** {@code hypercast.native.dir} if set, else the user's cache folder for this version. */
    static Path cacheFolder() {
        String explicit = System.getProperty("hypercast.native.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String version = NativeLightGbm.class.getPackage().getImplementationVersion();
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path cache;
        if (os.contains("win") && System.getenv("LOCALAPPDATA") != null) {
            cache = Path.of(System.getenv("LOCALAPPDATA"), "Hypercast", "cache");
        } else if (os.contains("mac")) {
            cache = Path.of(System.getProperty("user.home"), "Library", "Caches", "Hypercast");
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("hypercast");
        }
        return cache.resolve(version == null ? "dev" : version).resolve("native");
    }

    /** Removes the folders of processes that no longer run (their libraries are unmapped). */
    private static void removeStale(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base)) {
            for (Path d : dirs) {
                long pid;
                try {
                    pid = Long.parseLong(d.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                    try (Stream<Path> files = Files.walk(d)) {
                        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                    }
                }
            }
        } catch (IOException ignored) {
            // a folder left behind costs disk space, nothing else
        }
    }
}
