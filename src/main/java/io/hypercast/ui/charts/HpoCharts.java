package io.hypercast.ui.charts;

import io.hypercast.engine.HpoResult;
import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import io.hypercast.model.LogUniform;
import io.hypercast.model.ParamValues;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.model.Uniform;
import io.hypercast.ui.common.Formats;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of an HPO result, as JFreeChart charts with the trial behind each point: the
 * optimization history, a slice per optimized parameter, parallel coordinates coloured by
 * objective, and the best values within their search ranges. Pure functions of the result; built
 * off the FX thread.
 */
public final class HpoCharts {
    private HpoCharts() {
    }

    /** A chart and which trial each of its points is. */
    public record Built(JFreeChart chart, TrialIndex index) {
    }

    static List<Trial> completed(HpoResult r) {
        return r.trials().stream().filter(t -> t.state() == TrialState.COMPLETED && t.objective() != null)
                .sorted(Comparator.comparingInt(Trial::number)).toList();
    }

    static String metric(HpoResult r) {
        return r.experiment().hpo() == null ? "rmse" : r.experiment().hpo().searchAlgorithm().metric().key();
    }

    /** Each completed trial's objective by trial number, and the best so far as a step line. */
    public static Built history(HpoResult r) {
        XYSeries trials = new XYSeries("trial objective", false, true);
        XYSeries best = new XYSeries("best so far", false, true);
        TrialIndex index = new TrialIndex();
        double b = Double.POSITIVE_INFINITY;
        for (Trial t : completed(r)) {
            trials.add(t.number(), t.objective());
            index.add(0, t.number());
            b = Math.min(b, t.objective());
            best.add(t.number(), b);
            index.add(1, t.number());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trials);
        data.addSeries(best);
        NumberAxis x = new NumberAxis("trial");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(metric(r));
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(0, ChartStyle.ACCENT);
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, ChartStyle.BEST);
        renderer.setSeriesStroke(1, ChartStyle.LINE);
        renderer.setDefaultToolTipGenerator((ds, s, i) -> "trial " + index.trial(s, i) + ": " + metric(r) + " "
                + Formats.metric(ds.getYValue(s, i)) + (s == 1 ? " (best so far)" : ""));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Optimization history", ChartStyle.TITLE, plot, true);
        return new Built(ChartStyle.apply(chart), index);
    }

    /** The objective against one parameter's value (log axis for log distributions, categories for choices). */
    public static Built slice(HpoResult r, String parameter) {
        Distribution d = r.experiment().hpo().searchSpace().parameters().get(parameter);
        List<Object> categories = categories(d, completed(r), parameter);
        XYSeries s = new XYSeries(parameter, false, true);
        TrialIndex index = new TrialIndex();
        for (Trial t : completed(r)) {
            Object v = t.parameters().get(parameter);
            Double x = categories != null ? (Double) (double) indexOf(categories, v) : ParamValues.asDouble(v);
            if (x == null || (d.logScale() && x <= 0)) {
                continue;
            }
            s.add(x, t.objective());
            index.add(0, t.number());
        }
        ValueAxis x;
        if (categories != null) {
            x = new SymbolAxis(parameter, categories.stream().map(Formats::value).toArray(String[]::new));
        } else if (d.logScale()) {
            LogAxis log = new LogAxis(parameter + " (log scale)");
            log.setBase(10);
            log.setSmallestValue(1e-12);
            x = log;
        } else {
            NumberAxis n = new NumberAxis(parameter);
            n.setAutoRangeIncludesZero(false);
            x = n;
        }
        NumberAxis y = new NumberAxis(metric(r));
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(0, ChartStyle.ACCENT);
        renderer.setDefaultToolTipGenerator((ds, si, i) -> "trial " + index.trial(si, i) + ": " + parameter + " = "
                + (categories != null ? Formats.value(categories.get((int) ds.getXValue(si, i))) : Formats.value(ds.getXValue(si, i)))
                + ", " + metric(r) + " " + Formats.metric(ds.getYValue(si, i)));
        XYSeriesCollection data = new XYSeriesCollection(s);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(parameter, ChartStyle.TITLE, plot, false);
        return new Built(ChartStyle.apply(chart), index);
    }

    private static List<Object> categories(Distribution d, List<Trial> trials, String parameter) {
        if (d instanceof Choice c) {
            return new ArrayList<>(c.choices());
        }
        if (d instanceof Constant c) {
            List<Object> l = new ArrayList<>();
            l.add(c.value());
            return l;
        }
        return null;
    }

    private static int indexOf(List<Object> values, Object v) {
        for (int i = 0; i < values.size(); i++) {
            if (ParamValues.same(values.get(i), v)) {
                return i;
            }
        }
        return 0;
    }

    /** Where a value lies in its distribution's range, 0..1 (in log space for log distributions). */
    static Double position(Distribution d, Object value) {
        if (d instanceof Choice c) {
            return c.choices().size() <= 1 ? 0.5 : (double) indexOf(c.choices(), value) / (c.choices().size() - 1);
        }
        if (d instanceof Constant) {
            return 0.5;
        }
        Double v = ParamValues.asDouble(value);
        if (v == null) {
            return null;
        }
        double lo;
        double hi;
        if (d instanceof Uniform u) {
            lo = u.lower();
            hi = u.upper();
        } else if (d instanceof QUniform u) {
            lo = u.lower();
            hi = u.upper();
        } else if (d instanceof LogUniform u) {
            return (Math.log(v) - Math.log(u.lower())) / (Math.log(u.upper()) - Math.log(u.lower()));
        } else {
            QLogUniform u = (QLogUniform) d;
            return (Math.log(v) - Math.log(u.lower())) / (Math.log(u.upper()) - Math.log(u.lower()));
        }
        return hi == lo ? 0.5 : (v - lo) / (hi - lo);
    }

    /** One line per completed trial across the optimized parameters (each on its 0-1 range), coloured by objective. */
    public static Built parallel(HpoResult r) {
        List<String> names = r.optimized();
        Map<String, Distribution> space = r.experiment().hpo().searchSpace().parameters();
        List<Trial> done = completed(r);
        // coloured by rank, so that one very bad trial does not turn every other line the same blue
        List<Trial> ranked = done.stream().sorted(Comparator.comparingDouble(Trial::objective)).toList();
        XYSeriesCollection data = new XYSeriesCollection();
        TrialIndex index = new TrialIndex();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        // draw the worst first so that the best lines end up on top
        List<Trial> order = done.stream().sorted(Comparator.comparingDouble(Trial::objective).reversed()).toList();
        for (Trial t : order) {
            XYSeries s = new XYSeries("trial " + t.number(), false, true);
            for (int i = 0; i < names.size(); i++) {
                Double p = position(space.get(names.get(i)), t.parameters().get(names.get(i)));
                if (p != null) {
                    s.add(i, p);
                }
            }
            int si = data.getSeriesCount();
            data.addSeries(s);
            index.series(si, t.number());
            double f = ranked.size() <= 1 ? 0 : (double) ranked.indexOf(t) / (ranked.size() - 1);
            renderer.setSeriesPaint(si, gradient(f));
            renderer.setSeriesShape(si, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesStroke(si, new java.awt.BasicStroke(f < 0.1 ? 2.2f : 1.1f));
        }
        renderer.setDefaultToolTipGenerator((ds, si, i) -> {
            int n = index.trial(si, i);
            Trial t = done.stream().filter(x -> x.number() == n).findFirst().orElseThrow();
            String name = names.get((int) ds.getXValue(si, i));
            return "trial " + n + ": " + name + " = " + Formats.value(t.parameters().get(name)) + ", " + metric(r) + " "
                    + Formats.metric(t.objective());
        });
        SymbolAxis x = new SymbolAxis(null, names.toArray(String[]::new));
        NumberAxis y = new NumberAxis("position in search range");
        y.setRange(-0.05, 1.05);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Parallel coordinates (blue = best " + metric(r) + ", red = worst)", ChartStyle.TITLE, plot, false);
        return new Built(ChartStyle.apply(chart), index);
    }

    /** From blue (best, f = 0) through grey to red (worst, f = 1). */
    static Color gradient(double f) {
        f = Math.max(0, Math.min(1, f));
        Color a = new Color(0x2563EB);
        Color m = new Color(0xB8C0CC);
        Color b = new Color(0xE4572E);
        Color from = f < 0.5 ? a : m;
        Color to = f < 0.5 ? m : b;
        double g = f < 0.5 ? f * 2 : (f - 0.5) * 2;
        return new Color((int) (from.getRed() + (to.getRed() - from.getRed()) * g), (int) (from.getGreen() + (to.getGreen() - from.getGreen()) * g),
                (int) (from.getBlue() + (to.getBlue() - from.getBlue()) * g));
    }

    /** Each optimized parameter's best value within its search range (0 = lower end, 1 = upper end). */
    public static Built ranges(HpoResult r) {
        List<String> names = r.optimized();
        Map<String, Distribution> space = r.experiment().hpo().searchSpace().parameters();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        TrialIndex index = new TrialIndex();
        Trial best = r.bestTrial();
        XYSeries bests = new XYSeries("best value", false, true);
        for (int i = 0; i < names.size(); i++) {
            XYSeries range = new XYSeries(names.get(i) + " range", false, true);
            range.add(0, i);
            range.add(1, i);
            data.addSeries(range);
            renderer.setSeriesPaint(i, ChartStyle.GRID.darker());
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(6f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
            renderer.setSeriesVisibleInLegend(i, false);
            if (best != null) {
                Double p = position(space.get(names.get(i)), best.parameters().get(names.get(i)));
                if (p != null) {
                    bests.add((double) p, i);
                }
            }
        }
        int bi = data.getSeriesCount();
        data.addSeries(bests);
        renderer.setSeriesLinesVisible(bi, false);
        renderer.setSeriesShapesVisible(bi, true);
        renderer.setSeriesShape(bi, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setSeriesPaint(bi, ChartStyle.BEST);
        if (best != null) {
            index.series(bi, best.number());
        }
        renderer.setDefaultToolTipGenerator((ds, si, i) -> {
            int k = (int) Math.round(ds.getYValue(si, i));
            String name = names.get(k);
            String range = io.hypercast.ui.results.ResultViewModel.range(space.get(name));
            return si == bi && best != null ? "trial " + best.number() + " (best): " + name + " = "
                    + Formats.value(best.parameters().get(name)) + " in " + range : name + ": " + range;
        });
        NumberAxis x = new NumberAxis("position in search range (lower → upper; log distributions in log space)");
        x.setRange(-0.05, 1.05);
        SymbolAxis y = new SymbolAxis(null, names.toArray(String[]::new));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart("Best values within their search ranges", ChartStyle.TITLE, plot, false);
        if (best != null) {
            chart.addSubtitle(new TextTitle(names.stream().map(n -> n + " = " + Formats.value(best.parameters().get(n)))
                    .reduce((a, b) -> a + ",  " + b).orElse(""), ChartStyle.LABEL));
        }
        return new Built(ChartStyle.apply(chart), index);
    }
}
