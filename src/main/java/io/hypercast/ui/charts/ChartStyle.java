package io.hypercast.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.function.IntConsumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;

/** The look every chart shares (white plot, light grid, readable fonts) and the click-to-open-a-trial wiring. */
public final class ChartStyle {
    static final Color GRID = new Color(0xE3E7EE);
    static final Color TEXT = new Color(0x2B3340);
    static final Color ACCENT = new Color(0x2563EB);
    static final Color BEST = new Color(0xE4572E);
    static final Color MUTED = new Color(0x9AA5B4);
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 13);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    static final BasicStroke LINE = new BasicStroke(1.6f);

    /** Distinct colours for folds and series, readable on white. */
    static final Color[] PALETTE = {new Color(0x2563EB), new Color(0xE4572E), new Color(0x17A398), new Color(0x9B5DE5),
        new Color(0xF4A259), new Color(0x3D5A80), new Color(0xD1495B), new Color(0x66A182), new Color(0xB08968),
        new Color(0x00A6ED)};

    private ChartStyle() {
    }

    static Paint palette(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setFont(TITLE);
            t.setPaint(TEXT);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot p = chart.getPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        if (p instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                style(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                style(xy.getRangeAxis(i));
            }
        } else if (p instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(GRID);
            style(cp.getDomainAxis());
            style(cp.getRangeAxis());
        }
        return chart;
    }

    private static void style(org.jfree.chart.axis.Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(LABEL);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(MUTED);
    }

    /** A viewer for the chart; clicking an item whose series maps to trials calls {@code open} with the trial number. */
    public static ChartViewer viewer(JFreeChart chart, TrialIndex index, IntConsumer open) {
        ChartViewer v = new ChartViewer(chart);
        v.setPrefSize(560, 320);
        v.setMinHeight(240);
        if (index != null && open != null) {
            v.addChartMouseListener(new ChartMouseListenerFX() {
                @Override
                public void chartMouseClicked(ChartMouseEventFX e) {
                    ChartEntity entity = e.getEntity();
                    if (entity instanceof XYItemEntity item) {
                        Integer n = index.trial(item.getSeriesIndex(), item.getItem());
                        if (n != null) {
                            open.accept(n);
                        }
                    }
                }

                @Override
                public void chartMouseMoved(ChartMouseEventFX e) {
                    // tooltips come from the entities
                }
            });
        }
        return v;
    }
}
