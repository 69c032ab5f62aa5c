package io.hypercast.engine.nots;

import io.hypercast.engine.data.Series;

/** Combines a time series' layers: a later layer fills the gaps the earlier ones left, on the first one's grid. */
final class Layers {
    private Layers() {
    }

    static Series fill(Series base, Series layer) {
        long start = Math.min(base.start(), layer.start());
        long end = Math.max(base.end(), layer.end());
        long p = base.periodSeconds();
        int n = (int) ((end - start) / p);
        double[] values = new double[n];
        long[] known = new long[n];
        for (int i = 0; i < n; i++) {
            long t = start + i * p;
            double v = base.valueAt(t);
            long k = base.knownFromAt(t);
            if (Double.isNaN(v)) {
                v = layer.valueAt(t);
                k = layer.knownFromAt(t);
            }
            values[i] = v;
            known[i] = Double.isNaN(v) ? t + p : k;
        }
        return new Series(start, p, values, known);
    }
}
