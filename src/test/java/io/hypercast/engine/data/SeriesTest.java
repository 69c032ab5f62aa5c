package io.hypercast.engine.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesTest {
    private static final long H = 3600;

    @Test
    void gridLookups() {
        Series s = Series.observed(10 * H, H, new double[] {1, Double.NaN, 3});
        assertEquals(3, s.size());
        assertEquals(13 * H, s.end());
        assertEquals(11 * H, s.timeAt(1));
        assertEquals(0, s.indexOf(10 * H));
        assertEquals(2, s.indexOf(12 * H));
        assertEquals(-1, s.indexOf(13 * H)); // end is exclusive
        assertEquals(-1, s.indexOf(9 * H));
        assertEquals(-1, s.indexOf(10 * H + 1)); // off the grid
        assertEquals(3.0, s.valueAt(12 * H));
        assertTrue(Double.isNaN(s.valueAt(11 * H)));
        assertTrue(Double.isNaN(s.valueAt(20 * H)));
        assertEquals(Series.NEVER, s.knownFromAt(20 * H));
    }

    @Test
    void observedValuesAreKnownAtTheEndOfTheirInterval() {
        Series s = Series.observed(0, 1800, new double[] {5, 6});
        assertArrayEquals(new long[] {1800, 3600}, s.knownFroms());
        assertEquals(3600, s.knownFromAt(1800));
        assertTrue(Double.isNaN(s.valueAsOf(1800, 3599)));
        assertEquals(6.0, s.valueAsOf(1800, 3600));
    }

    @Test
    void isImmutable() {
        double[] values = {1, 2};
        long[] known = {Series.ALWAYS, Series.ALWAYS};
        Series s = new Series(0, 60, values, known);
        values[0] = 99;
        known[0] = 7;
        s.values()[1] = 99;
        assertEquals(1.0, s.value(0));
        assertEquals(2.0, s.value(1));
        assertEquals(Series.ALWAYS, s.knownFrom(0));
    }

    @Test
    void sliceAndWithValues() {
        Series s = Series.observed(0, H, new double[] {0, 1, 2, 3, 4});
        Series part = s.slice(H, 3 * H);
        assertEquals(H, part.start());
        assertArrayEquals(new double[] {1, 2}, part.values());
        assertArrayEquals(new long[] {2 * H, 3 * H}, part.knownFroms());
        assertEquals(0, s.slice(10 * H, 20 * H).size());
        Series other = s.withValues(new double[] {9, 9, 9, 9, 9});
        assertArrayEquals(s.knownFroms(), other.knownFroms());
        assertThrows(IllegalArgumentException.class, () -> s.withValues(new double[1]));
        assertThrows(IllegalArgumentException.class, () -> new Series(0, 0, new double[0], new long[0]));
        assertThrows(IllegalArgumentException.class, () -> new Series(0, 1, new double[1], new long[0]));
    }
}
