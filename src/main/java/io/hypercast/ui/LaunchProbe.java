package io.hypercast.ui;

import io.hypercast.ui.experiments.ExperimentPageViewModel;
import io.hypercast.ui.shell.MainWindow;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The launch time the benchmark reports: from the JVM's start to the first pulse after which the
 * Experiment page shows its project with both tables filled. Prints {@code LAUNCH_MS <ms>} and
 * closes the app. Used only with {@code -Dhypercast.launchProbe=true}.
 */
final class LaunchProbe {
    static final String PREFIX = "LAUNCH_MS ";

    private LaunchProbe() {
    }

    static void reportWhenShown(MainWindow window) {
        new AnimationTimer() {
            private boolean shown;

            @Override
            public void handle(long now) {
                ExperimentPageViewModel vm = window.experiments();
                if (shown) {
                    // this pulse drew the page: report and close
                    stop();
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println(String.format(Locale.ROOT, "%s%d", PREFIX, ms));
                    System.out.flush();
                    Platform.exit();
                    return;
                }
                shown = vm.projectProperty().get() != null && !vm.loadingProperty().get() && !vm.hpos().isEmpty();
            }
        }.start();
    }
}
