package io.hypercast.ui;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.FxDialogService;
import io.hypercast.ui.common.FxTaskExecutor;
import io.hypercast.ui.shell.MainWindow;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: opens the window on the demo project, runs the demo HPO and a backtest, and saves
 * screenshots of the Experiment page, the HPO detail form and a result page to a folder, for
 * looking at the window (run under Xvfb: xvfb-run java -cp ... io.hypercast.ui.ScreenshotTour OUT_DIR).
 */
public final class ScreenshotTour {
    private static Path out;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "/tmp/hypercast-shots");
        Application.launch(TourApp.class);
    }

    /** The JavaFX application; a nested class so that main's class is not an Application (JavaFX refuses that on the classpath). */
    public static final class TourApp extends Application {
        @Override
        public void start(Stage stage) {
            ScreenshotTour.start(stage);
        }
    }

    static void start(Stage stage) {
        Settings settings = Settings.fromEnvironment();
        int workers = HypercastApp.trialWorkers();
        Engine engine = Engine.open(settings, new TrialScheduler(workers, workers), Clock.systemUTC());
        Demo.Created demo = Demo.ensure(engine);
        FxTaskExecutor tasks = new FxTaskExecutor(3);
        AppContext app = AppContext.of(engine, tasks, new FxDialogService(() -> stage));
        MainWindow w = new MainWindow(app);
        Scene scene = new Scene(w.root(), 1440, 900);
        scene.getStylesheets().add(HypercastApp.class.getResource(HypercastApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Hypercast");
        stage.show();
        w.start(demo.project().id());
        new Thread(() -> tour(engine, w, scene, demo), "tour").start();
    }

    private static void tour(Engine engine, MainWindow w, Scene scene, Demo.Created demo) {
        try {
            out.toFile().mkdirs();
            BacktestSpec bt = Demo.spec().backtest().withTitle("Demand LightGBM backtest (defaults)");
            Experiment b = engine.experiments().list(demo.project().id(), ExperimentKind.BACKTEST).stream().findFirst()
                    .orElseGet(() -> engine.experiments().createBacktest(demo.project().id(), bt));
            if (b.state() == HpoState.DRAFT) {
                engine.experiments().run(b.id(), null, null).await();
            }
            pause(1500);
            fx(() -> w.experiments().refresh());
            pause(800);
            fx(() -> w.experiments().run(w.experiments().hpos().stream().filter(r -> r.id().equals(demo.hpo().id())).findFirst().orElseThrow()));
            while (engine.experiments().trials(demo.hpo().id()).stream().filter(t -> t.state().isTerminal()).count() < 12) {
                pause(300);
            }
            pause(600);
            shot(scene, "1-experiment-page-running");
            engine.experiments().list(demo.project().id(), ExperimentKind.HPO).stream().filter(e -> e.id().equals(demo.hpo().id())).findFirst();
            while (engine.experiments().get(demo.hpo().id()).state().isActive()) {
                pause(500);
            }
            pause(1500);
            shot(scene, "2-experiment-page");
            fx(() -> w.createExperiment(demo.project().id(), true));
            pause(1500);
            shot(scene, "3-hpo-detail-form-top");
            fx(() -> scroll(scene, 0.72));
            pause(600);
            shot(scene, "4-hpo-detail-form-search-space");
            fx(() -> w.showExperiment(demo.hpo().id()));
            pause(3000);
            shot(scene, "5-result-best-trial");
            fx(() -> scroll(scene, 1.0));
            pause(800);
            shot(scene, "6-result-parameters");
            fx(() -> w.page().tabs().getSelectionModel().select(3));
            pause(3000);
            shot(scene, "7-hpo-charts");
            fx(() -> w.page().tabs().getSelectionModel().select(1));
            pause(1000);
            shot(scene, "8-trials");
            fx(() -> w.showExperiment(b.id()));
            pause(3000);
            shot(scene, "9-backtest-result");
            fx(() -> w.page().tabs().getSelectionModel().select(0));
            pause(1000);
            shot(scene, "10-backtest-definition");
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
            System.exit(0);
        }
    }

    private static void scroll(Scene scene, double v) {
        scene.getRoot().lookupAll(".page-scroll").forEach(n -> {
            if (n instanceof ScrollPane sp && sp.isVisible() && sp.getScene() != null && sp.localToScene(0, 0) != null) {
                sp.setVvalue(v);
            }
        });
    }

    private static void shot(Scene scene, String name) throws Exception {
        CompletableFuture<javafx.scene.image.WritableImage> img = new CompletableFuture<>();
        Platform.runLater(() -> img.complete(scene.snapshot(null)));
        File f = out.resolve(name + ".png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img.get(10, TimeUnit.SECONDS), null), "png", f);
        System.out.println("wrote " + f);
    }

    private static void fx(Runnable r) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                l.countDown();
            }
        });
        l.await(20, TimeUnit.SECONDS);
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
