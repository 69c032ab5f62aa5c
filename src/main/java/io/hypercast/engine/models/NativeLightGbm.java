package io.hypercast.engine.models;

import io.github.metarank.lightgbm4j.LGBMBooster;

import java.io.IOException;

/** Loads LightGBM's native library once, on first use, from any thread. */
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
            try {
                LGBMBooster.loadNative();
            } catch (IOException | UnsatisfiedLinkError e) {
                throw new ModelException("could not load LightGBM's native library: " + e.getMessage(), e);
            }
            // lightgbm4j only logs a missing libgomp and returns, leaving the library unloaded
            if (!LGBMBooster.isNativeLoaded()) {
                throw new ModelException("could not load LightGBM's native library for " + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch") + " (on Linux it needs the OpenMP runtime libgomp, package libgomp1)");
            }
            loaded = true;
        }
    }
}
