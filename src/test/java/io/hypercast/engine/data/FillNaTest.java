package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FillNaTest {
    private static final double NaN = Double.NaN;
    /** Availability chosen so that own and source knownFrom each win somewhere. */
    private static final Series S = new Series(0, 10, new double[] {1, NaN, 3, NaN, NaN, 6},
            new long[] {10, 5, 30, 20, 50, 60});

    @Test
    void constantKeepsTheSlotsOwnKnownFrom() {
        Series f = FillNa.apply(S, FillMethod.CONSTANT, 0);
        assertArrayEquals(new double[] {1, 0, 3, 0, 0, 6}, f.values());
        assertArrayEquals(new long[] {10, 5, 30, 20, 50, 60}, f.knownFroms());
    }

    @Test
    void forwardIsKnownWhenBothSlotAndSourceAre() {
        Series f = FillNa.apply(S, FillMethod.FORWARD, 0);
        assertArrayEquals(new double[] {1, 1, 3, 3, 3, 6}, f.values());
        // slot 1: max(5, 10); slot 3: max(20, 30); slot 4: max(50, 30)
        assertArrayEquals(new long[] {10, 10, 30, 30, 50, 60}, f.knownFroms());
    }

    @Test
    void linearNeedsTheNextValidPoint() {
        Series f = FillNa.apply(S, FillMethod.LINEAR, 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, f.values());
        // slot 1: max(5, next 30); slots 3, 4: max(own, next 60)
        assertArrayEquals(new long[] {10, 30, 30, 60, 60, 60}, f.knownFroms());
    }

    @Test
    void linearOnObservedDataIsKnownWhenTheNextPointIs() {
        Series s = Series.observed(0, 10, new double[] {0, NaN, NaN, 30});
        Series f = FillNa.apply(s, FillMethod.LINEAR, 0);
        assertArrayEquals(new double[] {0, 10, 20, 30}, f.values(), 1e-12);
        assertArrayEquals(new long[] {10, 40, 40, 40}, f.knownFroms());
    }

    @Test
    void leadingAndTrailingMissingStayMissingForLinear() {
        Series s = Series.observed(0, 10, new double[] {NaN, 1, NaN, 3, NaN});
        Series f = FillNa.apply(s, FillMethod.LINEAR, 0);
        assertArrayEquals(new double[] {NaN, 1, 2, 3, NaN}, f.values());
        assertArrayEquals(new long[] {10, 20, 40, 40, 50}, f.knownFroms());
        Series fwd = FillNa.apply(s, FillMethod.FORWARD, 0);
        assertArrayEquals(new double[] {NaN, 1, 1, 3, 3}, fwd.values());
        assertArrayEquals(new long[] {10, 20, 30, 40, 50}, fwd.knownFroms());
    }

    @Test
    void nonFiniteConstantIsRefused() {
        assertEquals("constant", assertThrows(InvalidInputException.class,
                () -> FillNa.apply(S, FillMethod.CONSTANT, NaN)).where());
    }
}
