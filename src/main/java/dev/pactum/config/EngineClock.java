package dev.pactum.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's one clock: the time the process engine runs on ({@link ClockUtil}), in the company's zone.
 * Timers, SLAs, decisions and records all read it, so a test that moves the engine's clock moves every one of
 * them, and a level can never close before it opened.
 */
final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
