package io.hypercast.ui.charts;

import io.hypercast.model.FoldResult;
import io.hypercast.model.ParamValues;
import io.hypercast.model.Prediction;
import io.hypercast.ui.common.Formats;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of one trial's result: predictions against actuals, and non-optimized parameters against defaults. */
public final class ResultCharts {
    private ResultCharts() {
    }

    /**
     * Actuals (black) and the predictions of each fold in its own colour, over the test period. A
     * prediction belongs to the fold whose fit served its reference time (the latest fit at or before it).
     */
    public static JFreeChart predictions(List<Prediction> rows, List<FoldResult> folds, ZoneId zone) {
        XYSeriesCollection data = new XYSeriesCollection();
        TreeMap<Long, Double> actual = new TreeMap<>();
        List<Instant> fits = folds.stream().map(FoldResult::fitReferenceTime).sorted().toList();
        List<XYSeries> perFold = new ArrayList<>();
        for (int i = 0; i < Math.max(1, fits.size()); i++) {
            perFold.add(new XYSeries(fits.isEmpty() ? "prediction" : "fold " + (i + 1) + " prediction", false, true));
        }
        for (Prediction p : rows) {
            if (p.target() != null) {
                actual.put(p.time().toEpochMilli(), p.target());
            }
            int f = 0;
            for (int i = 0; i < fits.size(); i++) {
                if (!fits.get(i).isAfter(p.referenceTime())) {
                    f = i;
                }
            }
            perFold.get(f).add(p.time().toEpochMilli(), p.prediction());
        }
        XYSeries act = new XYSeries("actual", false, true);
        actual.forEach(act::add);
        data.addSeries(act);
        perFold.forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new java.awt.Color(0x1F2937));
        renderer.setSeriesStroke(0, new java.awt.BasicStroke(1.3f));
        for (int i = 0; i < perFold.size(); i++) {
            renderer.setSeriesPaint(i + 1, ChartStyle.palette(i));
            renderer.setSeriesStroke(i + 1, new java.awt.BasicStroke(1.4f));
        }
        renderer.setDefaultToolTipGenerator((ds, s, i) -> ds.getSeriesKey(s) + " at "
                + Formats.when(Instant.ofEpochMilli((long) ds.getXValue(s, i)), zone) + ": " + Formats.metric(ds.getYValue(s, i)));
        DateAxis x = new DateAxis("time (" + zone.getId() + ")");
        x.setTimeZone(TimeZone.getTimeZone(zone));
        NumberAxis y = new NumberAxis("value");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainPannable(true);
        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, true); // the page's section names it
        return ChartStyle.apply(chart);
    }

    /**
     * Each numeric non-optimized parameter's value relative to the model's default (1 = the default),
     * with the exact values in the tooltips; the others are listed beneath.
     */
    public static JFreeChart defaults(Map<String, Object> values, Map<String, Object> defaults) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> others = new ArrayList<>();
        values.forEach((name, v) -> {
            Object d = defaults.get(name);
            Double dv = ParamValues.asDouble(d);
            Double vv = ParamValues.asDouble(v);
            if (dv != null && vv != null && dv != 0) {
                data.addValue(vv / dv, "value ÷ default", name);
            } else {
                others.add(name + " = " + Formats.value(v) + (ParamValues.same(v, d) ? "" : " (default " + Formats.value(d) + ")"));
            }
        });
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis("value relative to the model's default (1 = default)");
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.ACCENT);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateToolTip(org.jfree.data.category.CategoryDataset ds, int row, int column) {
                String name = (String) ds.getColumnKey(column);
                return name + " = " + Formats.value(values.get(name)) + " (model default " + Formats.value(defaults.get(name)) + ")";
            }
        });
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(1.0, ChartStyle.BEST, new java.awt.BasicStroke(1.2f)));
        JFreeChart chart = new JFreeChart("Non-optimized parameters against the model's defaults", ChartStyle.TITLE, plot, false);
        if (!others.isEmpty()) {
            TextTitle t = new TextTitle(String.join(",  ", others), ChartStyle.TICK);
            t.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            chart.addSubtitle(t);
        }
        return ChartStyle.apply(chart);
    }
}
