package io.hypercast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void logUniformWithLowerAboveUpperIsRefusedNamingLower() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new LogUniform(1e-2, 1e-7));
        assertEquals("lower", e.where());
    }

    @Test
    void logUniformWithZeroLowerIsRefusedNamingLower() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new LogUniform(0, 10));
        assertEquals("lower", e.where());
        assertTrue(e.getMessage().contains("lower > 0"), e.getMessage());
    }

    @Test
    void logUniformWithNegativeLowerIsRefusedNamingLower() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new LogUniform(-3, 1));
        assertEquals("lower", e.where());
    }

    @Test
    void quantizedLogUniformWithZeroLowerIsRefusedNamingLower() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new QLogUniform(0, 1, 0.1));
        assertEquals("lower", e.where());
    }

    @Test
    void qUniformWithNoGridPointInsideIsRefusedNamingQ() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new QUniform(0.1, 0.4, 0.5));
        assertEquals("q", e.where());
        assertTrue(e.getMessage().contains("no multiple of q"), e.getMessage());
    }

    @Test
    void qUniformWithWholeBoundsAndStepIsIntegral() {
        assertTrue(new QUniform(1, 12, 1).integral());
        assertTrue(new QUniform(10, 1000, 50).integral());
    }

    @Test
    void qUniformWithFractionalStepIsNotIntegral() {
        assertFalse(new QUniform(0.5, 5, 0.5).integral());
    }

    @Test
    void continuousDistributionsAreNeverIntegral() {
        assertFalse(new Uniform(1, 12).integral());
        assertFalse(new LogUniform(1, 100).integral());
    }

    @Test
    void gridBoundsAreTheMultiplesOfQInsideTheBounds() {
        QUniform q = new QUniform(10, 1000, 50);
        assertEquals(1, q.kMin());
        assertEquals(20, q.kMax());
        QLogUniform l = new QLogUniform(1e-4, 1e-1, 5e-4);
        assertEquals(1, l.kMin());
        assertEquals(200, l.kMax());
    }
}
