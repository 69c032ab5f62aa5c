package io.hypercast.engine.timing;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.hypercast.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronScheduleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void dailyFiresAtLocalWallTimeOverSpringForward() {
        CronSchedule cron = CronSchedule.parse("0 17 * * *", NEW_YORK);
        Instant from = at("2016-03-12T17:00-05:00");
        Instant next = cron.next(from);
        assertEquals(at("2016-03-13T17:00-04:00"), next);
        assertEquals(Duration.ofHours(23), Duration.between(from, next));
    }

    @Test
    void dailyFiresAtLocalWallTimeOverFallBack() {
        CronSchedule cron = CronSchedule.parse("0 17 * * *", NEW_YORK);
        Instant from = at("2016-11-05T17:00-04:00");
        Instant next = cron.next(from);
        assertEquals(at("2016-11-06T17:00-05:00"), next);
        assertEquals(Duration.ofHours(25), Duration.between(from, next));
    }

    @Test
    void weeklyInChicagoIs167HoursApartOverSpringForwardAnd169OverFallBack() {
        CronSchedule cron = CronSchedule.parse("0 0 * * 1", CHICAGO);
        List<Instant> spring = cron.between(at("2026-03-02T00:00-06:00"), at("2026-03-10T00:00-05:00"));
        assertEquals(List.of(at("2026-03-02T00:00-06:00"), at("2026-03-09T00:00-05:00")), spring);
        assertEquals(Duration.ofHours(167), Duration.between(spring.get(0), spring.get(1)));
        List<Instant> fall = cron.between(at("2026-10-26T00:00-05:00"), at("2026-11-03T00:00-06:00"));
        assertEquals(Duration.ofHours(169), Duration.between(fall.get(0), fall.get(1)));
    }

    @Test
    void nonExistentTimeIsSkippedOnSpringForwardDay() {
        CronSchedule cron = CronSchedule.parse("30 2 * * *", CHICAGO);
        List<Instant> firings = cron.between(at("2026-03-07T00:00-06:00"), at("2026-03-10T00:00-05:00"));
        assertEquals(List.of(at("2026-03-07T02:30-06:00"), at("2026-03-09T02:30-05:00")), firings);
        assertEquals(at("2026-03-09T02:30-05:00"), cron.next(at("2026-03-07T02:30-06:00")));
        assertEquals(at("2026-03-07T02:30-06:00"), cron.previousOrSame(at("2026-03-09T02:00-05:00")));
    }

    @Test
    void repeatedTimeFiresOnceAtFirstOccurrenceOnFallBackDay() {
        CronSchedule cron = CronSchedule.parse("30 1 * * *", CHICAGO);
        List<Instant> firings = cron.between(at("2026-10-31T00:00-05:00"), at("2026-11-03T00:00-06:00"));
        assertEquals(List.of(at("2026-10-31T01:30-05:00"), at("2026-11-01T01:30-05:00"), at("2026-11-02T01:30-06:00")),
                firings);
        // Asked from inside the second occurrence, the next firing is the next day's.
        assertEquals(at("2026-11-02T01:30-06:00"), cron.next(at("2026-11-01T01:30-05:00")));
        assertEquals(at("2026-11-01T01:30-05:00"), cron.previousOrSame(at("2026-11-01T01:45-06:00")));
    }

    @Test
    void everyHalfHourOverFallBackNightFiresEachLocalTimeOnce() {
        CronSchedule cron = CronSchedule.parse("*/30 * * * *", CHICAGO);
        List<Instant> firings = cron.between(at("2026-11-01T00:00-05:00"), at("2026-11-01T03:00-06:00"));
        assertEquals(List.of(at("2026-11-01T00:00-05:00"), at("2026-11-01T00:30-05:00"), at("2026-11-01T01:00-05:00"),
                at("2026-11-01T01:30-05:00"), at("2026-11-01T02:00-06:00"), at("2026-11-01T02:30-06:00")), firings);
    }

    @Test
    void betweenIsStartInclusiveEndExclusive() {
        CronSchedule cron = CronSchedule.parse("0 * * * *", ZoneOffset.UTC);
        List<Instant> firings = cron.between(at("2026-01-01T00:00Z"), at("2026-01-01T03:00Z"));
        assertEquals(List.of(at("2026-01-01T00:00Z"), at("2026-01-01T01:00Z"), at("2026-01-01T02:00Z")), firings);
        assertEquals(List.of(), cron.between(at("2026-01-01T03:00Z"), at("2026-01-01T03:00Z")));
        assertEquals(List.of(at("2026-01-01T01:00Z")),
                cron.between(at("2026-01-01T00:00:00.001Z"), at("2026-01-01T01:00:00.001Z")));
    }

    @Test
    void nextIsStrictlyAfterAndPreviousOrSameIncludesT() {
        CronSchedule cron = CronSchedule.parse("0 0 * * *", ZoneOffset.UTC);
        assertEquals(at("2026-01-02T00:00Z"), cron.next(at("2026-01-01T00:00Z")));
        assertEquals(at("2026-01-01T00:00Z"), cron.next(at("2025-12-31T23:59:59.999Z")));
        assertEquals(at("2026-01-01T00:00Z"), cron.previousOrSame(at("2026-01-01T00:00Z")));
        assertEquals(at("2025-12-31T00:00Z"), cron.previousOrSame(at("2025-12-31T23:59:59.999Z")));
    }

    @Test
    void previousOrSameOfRareExpressionLooksBackYears() {
        CronSchedule cron = CronSchedule.parse("0 0 29 2 *", ZoneOffset.UTC);
        assertEquals(at("2024-02-29T00:00Z"), cron.previousOrSame(at("2028-02-28T00:00Z")));
        assertEquals(at("2028-02-29T00:00Z"), cron.next(at("2024-02-29T00:00Z")));
    }

    @Test
    void dayOfWeekZeroSevenAndSunAreTheSame() {
        Instant from = at("2026-01-01T00:00Z");
        Instant to = at("2026-03-01T00:00Z");
        List<Instant> zero = CronSchedule.parse("0 12 * * 0", CHICAGO).between(from, to);
        assertEquals(8, zero.size());
        for (Instant t : zero) {
            assertEquals(java.time.DayOfWeek.SUNDAY, t.atZone(CHICAGO).getDayOfWeek());
        }
        assertEquals(zero, CronSchedule.parse("0 12 * * 7", CHICAGO).between(from, to));
        assertEquals(zero, CronSchedule.parse("0 12 * * SUN", CHICAGO).between(from, to));
        assertEquals(zero, CronSchedule.parse("0 12 * * sun", CHICAGO).between(from, to));
        assertEquals("0 12 * * 0", CronSchedule.parse("0 12 * * 7", CHICAGO).normalizedExpression());
    }

    @Test
    void sevenInsideRangesAndListsIsSunday() {
        Instant from = at("2026-01-05T00:00Z"); // a Monday
        Instant to = from.plus(Duration.ofDays(14));
        List<Instant> friToSun = CronSchedule.parse("0 0 * * 5-7", ZoneOffset.UTC).between(from, to);
        assertEquals(CronSchedule.parse("0 0 * * 0,5,6", ZoneOffset.UTC).between(from, to), friToSun);
        assertEquals(6, friToSun.size());
        assertEquals(friToSun, CronSchedule.parse("0 0 * * FRI-SUN", ZoneOffset.UTC).between(from, to));
        assertEquals("0 0 * * 0,5,6", CronSchedule.parse("0 0 * * 5-7", ZoneOffset.UTC).normalizedExpression());
        assertEquals("0 0 * * 0,1", CronSchedule.parse("0 0 * * 1,7", ZoneOffset.UTC).normalizedExpression());
        assertEquals("0 0 * * 0,1,2,3,4,5,6", CronSchedule.parse("0 0 * * 0-7", ZoneOffset.UTC).normalizedExpression());
        assertEquals("0 0 * * 1,2,3,4,5", CronSchedule.parse("0 0 * * MON-FRI", ZoneOffset.UTC).normalizedExpression());
        assertEquals("0 0 * * 0,2,4,6", CronSchedule.parse("0 0 * * 0-7/2", ZoneOffset.UTC).normalizedExpression());
        assertEquals("0 0 * * 0,3", CronSchedule.parse("0 0 * * 3-7/4", ZoneOffset.UTC).normalizedExpression());
        assertEquals(2, CronSchedule.parse("0 0 * * 7", ZoneOffset.UTC).between(from, to).size());
    }

    @Test
    void dayOfMonthAndDayOfWeekBothRestrictedMatchEither() {
        // 2026-04-01 is a Wednesday: the 1st or any Monday.
        List<Instant> firings = CronSchedule.parse("0 0 1 * 1", ZoneOffset.UTC)
                .between(at("2026-04-01T00:00Z"), at("2026-04-15T00:00Z"));
        assertEquals(List.of(at("2026-04-01T00:00Z"), at("2026-04-06T00:00Z"), at("2026-04-13T00:00Z")), firings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 * * 8", "0 0 * * 5-8", "0 0 * * FOO", "0 0 * * MON-FOO"})
    void dayOfWeekOutOfRangeIsRefused(String expression) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CronSchedule.parse(expression, ZoneOffset.UTC));
        assertEquals("cron_expression", e.where());
        assertTrue(e.getMessage().contains("day of week"), e.getMessage());
    }

    @Test
    void messagesNameTheProblem() {
        assertRefused("0 0 * * * *", "6 fields");
        assertRefused("0 0 * * 2026 1", "6 fields");
        assertRefused("60 * * * *", "minute 60 is out of range 0-59");
        assertRefused("61 * * * *", "minute 61 is out of range 0-59");
        assertRefused("0 24 * * *", "hour 24 is out of range 0-23");
        assertRefused("0 0 32 * *", "day of month 32 is out of range 1-31");
        assertRefused("0 0 0 * *", "day of month 0 is out of range 1-31");
        assertRefused("0 0 * 13 *", "month 13 is out of range 1-12");
        assertRefused("0 0 * * 8", "day of week 8 is out of range 0-7");
        assertRefused("garbage", "1 field");
        assertRefused("a b c d e", "minute 'a'");
        assertRefused("", "empty");
        assertRefused("*/0 * * * *", "minute step 0");
        assertRefused("30-10 * * * *", "goes backwards");
        assertRefused("1,,2 * * * *", "empty item");
        assertRefused("0 0 31 2 *", "never fires");
        assertRefused("@daily", "nicknames");
        assertRefused("0 0 L * *", "day of month 'L'");
    }

    private static void assertRefused(String expression, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CronSchedule.parse(expression, ZoneOffset.UTC), expression);
        assertEquals("cron_expression", e.where());
        assertTrue(e.getMessage().contains(fragment), "'" + expression + "' -> " + e.getMessage());
    }

    @Test
    void namesStepsAndListsParse() {
        CronSchedule cron = CronSchedule.parse("5/20 9-17/4 * jan,JUL mon-fri", ZoneOffset.UTC);
        assertEquals("5,25,45 9,13,17 * 1,7 1,2,3,4,5", cron.normalizedExpression());
        assertEquals(at("2026-01-01T09:05Z"), cron.next(at("2025-12-31T00:00Z")));
    }

    @Test
    void betweenListsAYearOfHalfHoursAcrossBothDstChanges() {
        CronSchedule cron = CronSchedule.parse("*/30 * * * *", CHICAGO);
        Instant from = at("2026-01-01T00:00-06:00");
        Instant to = at("2027-01-01T00:00-06:00");
        List<Instant> firings = cron.between(from, to);
        // 365 days of 48, less 02:00 and 02:30 on the spring-forward day; the repeated hour fires once.
        assertEquals(365 * 48 - 2, firings.size());
        // (speed is a benchmark's business, not a unit test's: a few ms here, about 600 ms with cron-utils)
        for (int i = 1; i < firings.size(); i++) {
            assertTrue(firings.get(i - 1).isBefore(firings.get(i)));
        }
    }

    /** Where wall time is unambiguous (UTC), our firings must be cron-utils' firings. */
    @ParameterizedTest
    @ValueSource(strings = {"0 17 * * *", "*/30 * * * *", "0 0 * * 1", "15 8-18/2 * * 1-5", "0 0 1 * 1",
            "0 0 1,15 * *", "5/15 * * * *", "0 12 * JAN-MAR SUN", "0 0 * * */2", "0 0 */10 * *", "0 6 29 2 *",
            "0 0 13 * 5", "59 23 31 * *"})
    void agreesWithCronUtilsInUtc(String expression) {
        ExecutionTime oracle = ExecutionTime.forCron(
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expression));
        CronSchedule cron = CronSchedule.parse(expression, ZoneOffset.UTC);
        ZonedDateTime z = ZonedDateTime.of(2023, 12, 30, 7, 0, 0, 0, ZoneOffset.UTC);
        Instant end = at("2029-01-01T00:00Z");
        List<Instant> expected = new ArrayList<>();
        while (expected.size() < 600) { // cron-utils is slow (tens of us a firing)
            z = oracle.nextExecution(z).orElseThrow();
            if (!z.toInstant().isBefore(end)) {
                break;
            }
            expected.add(z.toInstant());
        }
        Instant start = at("2023-12-30T07:00:01Z");
        List<Instant> actual = cron.between(start, end);
        assertEquals(expected, actual.subList(0, Math.min(actual.size(), expected.size())));
        Instant t = at("2023-12-30T07:00Z");
        for (int i = 0; i < Math.min(50, expected.size()); i++) {
            t = cron.next(t);
            assertEquals(expected.get(i), t);
            assertEquals(t, cron.previousOrSame(t));
            if (i > 0) {
                assertEquals(expected.get(i - 1), cron.previousOrSame(t.minusSeconds(1)));
            }
        }
    }

    @Test
    void emptyOrReversedRangeHasNoFirings() {
        CronSchedule cron = CronSchedule.parse("0 0 * * *", ZoneOffset.UTC);
        assertTrue(cron.between(at("2026-01-01T00:00Z"), at("2025-01-01T00:00Z")).isEmpty());
        assertTrue(cron.between(at("2026-01-01T00:00:01Z"), at("2026-01-01T23:59Z")).isEmpty());
    }
}
