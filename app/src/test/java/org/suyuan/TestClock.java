package org.suyuan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time tests and the application under test share: it stands still at {@link #START} (10:00 on
 * {@link #TODAY} in 芜湖, {@code Asia/Shanghai}) until a test moves it. A test that takes "today" from the system
 * while the server takes it from its {@link Clock} fails when the run crosses midnight; with this clock both read
 * the same day however long the run takes.
 *
 * <p>The anchoring worker and the outbox keep their own system clocks on purpose (they measure real waiting), so
 * anchoring still happens in real time; only what the application dates and judges is frozen.
 *
 * <p>A test that moves the clock must {@link #reset()} it afterwards: application contexts, and so this clock, are
 * shared between test classes.
 */
public final class TestClock extends Clock {

    /** The zone of the farms and the bureau, as {@code suyuan.time-zone} sets it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The day every test runs on. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    /** Where the clock stands until a test moves it: mid-morning, far from midnight in either direction. */
    public static final Instant START = TODAY.atTime(10, 0).atZone(ZONE).toInstant();

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(START), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock on (or back, with a negative duration). */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Sets the clock to a moment of 芜湖's local time. */
    public void set(LocalDateTime local) {
        now.set(local.atZone(ZONE).toInstant());
    }

    /** Back to {@link #START}. */
    public void reset() {
        now.set(START);
    }

    /** Today in 芜湖 as the clock stands now. */
    public LocalDate today() {
        return LocalDate.ofInstant(now.get(), ZONE);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen from another zone: moving either moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(now, other);
    }
}
