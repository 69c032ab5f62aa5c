package io.hypercast.engine.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hypercast.model.Metrics;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

    @Test
    void metricsOverKnownRows() {
        MetricsCalculator m = new MetricsCalculator();
        m.add(100, 110);
        m.add(200, 180);
        Metrics r = m.result();
        assertEquals(15.0, r.mae(), 1e-12);
        assertEquals(250.0, r.mse(), 1e-12);
        assertEquals(Math.sqrt(250.0), r.rmse(), 1e-12);
        assertEquals(100 * (0.1 + 0.1) / 2, r.mape(), 1e-12);
        assertEquals(2, r.rows());
    }

    @Test
    void mapeLeavesOutZeroActualsAndCountsThem() {
        MetricsCalculator m = new MetricsCalculator();
        m.add(0, 5);
        m.add(50, 55);
        m.add(0, -3);
        Metrics r = m.result();
        assertEquals(10.0, r.mape(), 1e-12, "only the row with actual 50 counts: |5|/50 = 10 %");
        assertEquals(2, r.mapeZeroActuals());
        assertEquals(3, r.rows(), "mae, mse and rmse still use every row");
        assertEquals((5 + 5 + 3) / 3.0, r.mae(), 1e-12);
    }

    @Test
    void mapeIsUndefinedWhenEveryActualIsZero() {
        MetricsCalculator m = new MetricsCalculator();
        m.add(0, 1);
        m.add(0, 2);
        Metrics r = m.result();
        assertNull(r.mape(), "undefined, never 0 and never huge");
        assertEquals(2, r.mapeZeroActuals());
    }

    @Test
    void noRowsGiveNoMetrics() {
        assertNull(new MetricsCalculator().result());
    }
}
