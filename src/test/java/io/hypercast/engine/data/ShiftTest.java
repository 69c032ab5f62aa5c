package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShiftTest {
    private static final long H = 3600;

    @Test
    void lagMovesValuesAndTheirAvailability() {
        Series s = Series.observed(0, H, new double[] {1, 2, 3});
        Series lagged = Shift.apply(s, Duration.ofHours(2));
        assertEquals(2 * H, lagged.start());
        assertEquals(5 * H, lagged.end());
        // value at t is s at t - lag, known from t - lag + period (SPEC section 2)
        for (long t = 2 * H; t < 5 * H; t += H) {
            assertEquals(s.valueAt(t - 2 * H), lagged.valueAt(t));
            assertEquals(t - 2 * H + H, lagged.knownFromAt(t));
        }
        assertArrayEquals(new long[] {H, 2 * H, 3 * H}, lagged.knownFroms());
        assertTrue(Double.isNaN(lagged.valueAt(H)));
    }

    @Test
    void leadKeepsValuesUnknownUntilObserved() {
        Series s = Series.observed(0, H, new double[] {1, 2, 3});
        Series lead = Shift.apply(s, Duration.ofHours(-1));
        assertEquals(-H, lead.start());
        assertEquals(2.0, lead.valueAt(0));
        assertEquals(2 * H, lead.knownFromAt(0)); // known only after its source interval ends
    }

    @Test
    void lagThatIsNotAMultipleOfThePeriodIsRefused() {
        Series s = Series.observed(0, H, new double[] {1, 2, 3});
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Shift.apply(s, Duration.ofMinutes(90)));
        assertEquals("lag", e.where());
        assertTrue(e.getMessage().contains("PT1H30M") && e.getMessage().contains("PT1H"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Shift.apply(s, Duration.ofHours(1).plusMillis(1)));
    }
}
