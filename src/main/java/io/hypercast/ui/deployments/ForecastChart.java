package io.hypercast.ui.deployments;

import io.hypercast.model.Forecast;
import io.hypercast.ui.common.Formats;
import io.hypercast.ui.deployments.DeploymentsViewModel.Latest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The latest forecast (blue) against the observed target (dark), with a line at the forecast's reference time. */
final class ForecastChart {
    private ForecastChart() {
    }

    static JFreeChart of(Latest l, ZoneId zone) {
        XYSeries obs = new XYSeries("observed " + l.target(), false, true);
        for (int i = 0; i < l.times().size(); i++) {
            obs.add(l.times().get(i).toEpochMilli(), l.observed().get(i));
        }
        XYSeries fc = new XYSeries("forecast issued " + Formats.when(l.forecast().referenceTime(), zone), false, true);
        for (Forecast.Point p : l.forecast().points()) {
            fc.add(p.time().toEpochMilli(), p.value());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(obs);
        data.addSeries(fc);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1F2937));
        r.setSeriesStroke(0, new BasicStroke(1.3f));
        r.setSeriesPaint(1, new Color(0x2563EB));
        r.setSeriesStroke(1, new BasicStroke(2f));
        r.setDefaultToolTipGenerator((ds, s, i) -> ds.getSeriesKey(s) + " at "
                + Formats.when(Instant.ofEpochMilli((long) ds.getXValue(s, i)), zone) + ": " + Formats.metric(ds.getYValue(s, i)));
        DateAxis x = new DateAxis("time (" + zone.getId() + ")");
        x.setTimeZone(TimeZone.getTimeZone(zone));
        NumberAxis y = new NumberAxis("value");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addDomainMarker(new ValueMarker(l.forecast().referenceTime().toEpochMilli(), new Color(0xE4572E), new BasicStroke(1.2f)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE3E7EE));
        plot.setRangeGridlinePaint(new Color(0xE3E7EE));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, new Font("SansSerif", Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
