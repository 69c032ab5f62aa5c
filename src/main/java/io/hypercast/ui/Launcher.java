package io.hypercast.ui;

import javafx.application.Application;

/**
 * Starts the window. A plain main (not an Application subclass), so that the app also starts from
 * a classpath or a shaded jar, where JavaFX refuses to launch an Application main class directly.
 * Arguments: {@code --db FILE} (default: $HYPERCAST_HOME/hypercast.db, HYPERCAST_HOME defaults to
 * ~/.hypercast), as for the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(HypercastApp.class, args);
    }
}
