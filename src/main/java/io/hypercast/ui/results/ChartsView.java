package io.hypercast.ui.results;

import io.hypercast.engine.HpoResult;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.ui.charts.ChartStyle;
import io.hypercast.ui.charts.HpoCharts;
import io.hypercast.ui.charts.ResultCharts;
import io.hypercast.ui.common.AppContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The HPO charts: optimization history, best values within their ranges, parallel coordinates,
 * non-optimized parameters against defaults, and a slice per optimized parameter. The charts are
 * built off the FX thread; clicking a point opens that trial.
 */
public final class ChartsView {
    private final AppContext app;
    private final IntConsumer openTrial;
    private final GridPane grid = new GridPane();
    private final Label status = new Label("Charts appear once a trial has completed.");
    private final ScrollPane root;
    private boolean loading;

    private record Built(List<HpoCharts.Built> charts) {
    }

    public ChartsView(AppContext app, IntConsumer openTrial) {
        this.app = app;
        this.openTrial = openTrial;
        grid.setHgap(14);
        grid.setVgap(14);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        status.getStyleClass().add("hint");
        Label hint = new Label("Hover a point to see its trial; click it to open that trial's result. Drag to zoom.");
        hint.getStyleClass().add("hint");
        VBox box = new VBox(10, status, hint, grid);
        box.setPadding(new Insets(4, 4, 24, 4));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
    }

    /** Reads the result and (re)builds every chart. */
    public void load(UUID experimentId) {
        if (loading) {
            return;
        }
        loading = true;
        app.tasks().submit(() -> build(app.engine().experiments().result(experimentId)), b -> {
            loading = false;
            show(b);
        }, t -> {
            loading = false;
            status.setText("Charts unavailable: " + AppContext.message(t));
        });
    }

    private Built build(HpoResult r) {
        List<HpoCharts.Built> out = new ArrayList<>();
        if (r.experiment().hpo() == null || r.completed() == 0) {
            return new Built(out);
        }
        out.add(HpoCharts.history(r));
        out.add(HpoCharts.ranges(r));
        out.add(HpoCharts.parallel(r));
        Map<String, Object> defaults = ModelKinds.get(app.engine().nots().node(r.experiment().modelId()).type()).defaults();
        JFreeChart d = ResultCharts.defaults(r.nonOptimized(), defaults);
        out.add(new HpoCharts.Built(d, null));
        for (String p : r.optimized()) {
            out.add(HpoCharts.slice(r, p));
        }
        return new Built(out);
    }

    private void show(Built b) {
        grid.getChildren().clear();
        status.setText(b.charts().isEmpty() ? "Charts appear once a trial has completed." : "");
        status.setVisible(!b.charts().isEmpty() ? false : true);
        status.setManaged(status.isVisible());
        int i = 0;
        for (HpoCharts.Built c : b.charts()) {
            ChartViewer v = ChartStyle.viewer(c.chart(), c.index(), openTrial);
            v.setId("chart" + i);
            v.setPrefHeight(i < 4 ? 340 : 280);
            grid.add(v, i % 2, i / 2);
            i++;
        }
    }

    public ScrollPane root() {
        return root;
    }
}
