package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void upperTailIsAccurateInRelativeTermsFarIntoTheTail() {
        // reference values from scipy.stats.norm.sf
        double[][] cases = {{0, 0.5}, {1, 0.15865525393145707}, {3, 0.0013498980316300933},
            {5, 2.866515718791933e-07}, {10, 7.61985302416047e-24}, {30, 4.906713927147908e-198}};
        for (double[] c : cases) {
            assertEquals(c[1], StandardNormal.upperTail(c[0]), 2e-7 * c[1], "Q(" + c[0] + ")");
        }
    }

    @Test
    void massOfANarrowCellIsAccurateWithoutCancellation() {
        // scipy: norm.sf(2) - norm.sf(2.001) and a cell straddling zero
        assertEquals(5.3937002537654544e-05, StandardNormal.mass(2, 2.001), 1e-7 * 5.39e-5);
        assertEquals(0.38292492254802624, StandardNormal.mass(-0.5, 0.5), 1e-7);
    }

    @Test
    void logMassStaysFiniteWhereMassUnderflows() {
        // scipy: norm.logsf(40) + log1p(-exp(norm.logsf(40.5) - norm.logsf(40)))
        assertEquals(-804.6084420155504, StandardNormal.logMass(40, 40.5), 1e-5);
    }
}
