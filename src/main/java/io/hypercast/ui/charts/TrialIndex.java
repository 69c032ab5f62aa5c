package io.hypercast.ui.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which trial each plotted item is: series index and item index to trial number. */
public final class TrialIndex {
    private final Map<Integer, List<Integer>> items = new HashMap<>();
    private final Map<Integer, Integer> wholeSeries = new HashMap<>();

    void add(int series, int trial) {
        items.computeIfAbsent(series, k -> new ArrayList<>()).add(trial);
    }

    /** Every item of the series is the same trial (a line of the parallel coordinates). */
    void series(int series, int trial) {
        wholeSeries.put(series, trial);
    }

    public Integer trial(int series, int item) {
        Integer w = wholeSeries.get(series);
        if (w != null) {
            return w;
        }
        List<Integer> l = items.get(series);
        return l == null || item < 0 || item >= l.size() ? null : l.get(item);
    }
}
