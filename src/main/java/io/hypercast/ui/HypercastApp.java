package io.hypercast.ui;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.TrialScheduler;
import java.time.Clock;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.FxDialogService;
import io.hypercast.ui.common.FxTaskExecutor;
import io.hypercast.ui.shell.MainWindow;
import io.hypercast.ui.shell.WindowPrefs;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app: opens the store (and the built-in demo project on first start) off the FX
 * thread while a small "opening" screen shows, then the main window on the last project shown.
 */
public final class HypercastApp extends Application {
    public static final String STYLESHEET = "/io/hypercast/ui/app.css";
    /** With -Dhypercast.launchProbe=true the app prints when its Experiment page is shown, then exits (the bench's launch time). */
    public static final String LAUNCH_PROBE = "hypercast.launchProbe";

    private FxTaskExecutor tasks;
    private Engine engine;
    private MainWindow window;
    private WindowPrefs prefs;
    private java.util.concurrent.ScheduledFuture<?> policies;

    private record Opened(Engine engine, UUID demoProject) {
    }

    @Override
    public void start(Stage stage) {
        Settings settings = settings(getParameters().getRaw());
        prefs = WindowPrefs.load(settings.home());
        tasks = new FxTaskExecutor(3);
        ProgressIndicator spin = new ProgressIndicator();
        spin.setMaxSize(40, 40);
        Label opening = new Label("Opening " + settings.database() + " …");
        VBox splash = new VBox(14, spin, opening);
        splash.setAlignment(Pos.CENTER);
        Scene scene = new Scene(splash, prefs.width(), prefs.height());
        scene.getStylesheets().add(HypercastApp.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Hypercast");
        prefs.position().ifPresent(xy -> {
            stage.setX(xy[0]);
            stage.setY(xy[1]);
        });
        stage.setMaximized(prefs.maximized());
        stage.setOnCloseRequest(e -> prefs.setBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        stage.show();
        tasks.submit(() -> {
            int workers = trialWorkers();
            Engine e = Engine.open(settings, new TrialScheduler(workers, workers), Clock.systemUTC());
            try {
                // HYPERCAST_CLUSTER names a cluster: the window's runs send their trials to its workers
                io.hypercast.engine.cluster.ClusterOptions.submitterFromEnvironment().ifPresent(e::joinCluster);
            } catch (RuntimeException ex) {
                System.err.println("hypercast: not joining the cluster: " + ex.getMessage() + "; trials run in this process");
            }
            UUID demo;
            try {
                demo = Demo.ensure(e).project().id();
            } catch (RuntimeException ex) {
                demo = null; // the window still opens on the user's own projects
            }
            return new Opened(e, demo);
        }, o -> {
            engine = o.engine();
            // deployed policies run in-process while the window is open: a missed run is caught up now, then every minute
            policies = engine.deployments().startScheduler(60);
            AppContext app = AppContext.of(engine, tasks, new FxDialogService(() -> stage));
            window = new MainWindow(app);
            window.setOnProjectShown(id -> {
                prefs.setLastProject(id);
                tasks.submit(() -> {
                    prefs.save();
                    return null;
                }, x -> { }, x -> { });
            });
            scene.setRoot(window.root());
            window.start(prefs.lastProject().orElse(o.demoProject()));
            if (Boolean.getBoolean(LAUNCH_PROBE)) {
                LaunchProbe.reportWhenShown(window);
            }
        }, t -> {
            opening.setText("Cannot open the store " + settings.database() + ": " + AppContext.message(t));
            spin.setVisible(false);
        });
    }

    /**
     * Trial workers for runs started in the window: one core fewer than the machine has (at least
     * one), so that LightGBM leaves a core to the FX thread and its renderer. With every core busy
     * the window's pulses come hundreds of milliseconds apart while a run goes on (measured by
     * FxStallBenchTest); an HPO's max_concurrent_trials still caps its trials in flight.
     */
    public static int trialWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The CLI's rules: {@code --db FILE} wins, else $HYPERCAST_HOME/hypercast.db. */
    static Settings settings(List<String> args) {
        Settings s = Settings.fromEnvironment();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--db") && i + 1 < args.size()) {
                s = s.withDatabase(Path.of(args.get(++i)));
            } else if (a.startsWith("--db=")) {
                s = s.withDatabase(Path.of(a.substring("--db=".length())));
            }
        }
        return s;
    }

    @Override
    public void stop() {
        if (prefs != null) {
            prefs.save();
        }
        if (policies != null) {
            policies.cancel(false);
        }
        if (window != null) {
            window.dispose();
        }
        if (engine != null) {
            engine.close(); // runs of this window stop and are left INTERRUPTED, resumable
        }
        if (tasks != null) {
            tasks.close();
        }
        Platform.exit();
    }
}
