package io.hypercast.engine.timing;

import io.hypercast.model.AbsoluteTiming;
import io.hypercast.model.CronTiming;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.RelativeTiming;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SchedulesTest {
    private static final Instant START = Instant.parse("2000-07-31T00:00:00Z");
    private static final Instant END = Instant.parse("2000-08-07T00:00:00Z");

    @Test
    void cronTimingFiresInItsZone() {
        CronTiming daily = new CronTiming("0 0 * * *", ZoneId.of("Europe/London"));
        List<Instant> firings = Schedules.firings(daily, START, END);
        assertEquals(7, firings.size());
        assertEquals(Instant.parse("2000-07-31T23:00:00Z"), firings.get(0)); // midnight BST
        assertEquals(Instant.parse("2000-08-06T23:00:00Z"), Schedules.latestAtOrBefore(daily, END));
        assertEquals(Instant.parse("2000-07-30T23:00:00Z"), Schedules.latestAtOrBefore(daily, START));
    }

    @Test
    void cronTimingDefaultsToUtc() {
        assertEquals(Instant.parse("2000-07-31T00:00:00Z"),
                Schedules.firings(new CronTiming("0 0 * * 1"), START, END).get(0));
    }

    @Test
    void absoluteTimingFiresOnceIfInside() {
        AbsoluteTiming inside = new AbsoluteTiming(START.plus(Duration.ofDays(2)));
        assertEquals(List.of(inside.time()), Schedules.firings(inside, START, END));
        assertEquals(List.of(START), Schedules.firings(new AbsoluteTiming(START), START, END));
        assertEquals(List.of(), Schedules.firings(new AbsoluteTiming(END), START, END));
        assertEquals(inside.time(), Schedules.latestAtOrBefore(inside, END));
        assertEquals(inside.time(), Schedules.latestAtOrBefore(inside, inside.time()));
        assertNull(Schedules.latestAtOrBefore(inside, START));
    }

    @Test
    void relativeTimingIsRefused() {
        RelativeTiming relative = RelativeTiming.parse("-P28D");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Schedules.firings(relative, START, END));
        assertEquals("timing", e.where());
        assertThrows(InvalidInputException.class, () -> Schedules.latestAtOrBefore(relative, END));
    }

    @Test
    void invalidCronIsRefusedWithItsKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Schedules.firings(new CronTiming("0 0 * * 8"), START, END));
        assertEquals("cron_expression", e.where());
    }
}
