package org.virtxml.lint.checks;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.domain.Clock;
import org.virtxml.model.domain.Timer;

/** Clock and timer rules (rules.md "Clock"). */
final class ClockChecks {

    static final Set<String> OFFSETS = Set.of("utc", "localtime", "timezone", "variable", "absolute");
    static final Set<String> TIMERS = Set.of("platform", "pit", "rtc", "hpet", "tsc", "kvmclock", "hypervclock",
            "armvtimer");
    static final Set<String> TICKPOLICIES = Set.of("delay", "catchup", "merge", "discard");
    static final Set<String> TRACKS = Set.of("boot", "guest", "wall", "realtime");
    static final Set<String> MODES = Set.of("auto", "native", "emulate", "paravirt", "smpsafe");

    private ClockChecks() {
    }

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("clock-offset-invalid", Clock.class, ClockChecks::offset),
                RuleCheck.of("timer-invalid", Timer.class, ClockChecks::timer));
    }

    private static void offset(Clock c, Consumer<Finding> out) {
        String offset = c.getOffset() == null ? "utc" : c.getOffset();
        if (!OFFSETS.contains(offset)) {
            out.accept(Finding.at(c, "offset", "unknown clock offset '" + offset + "'"));
        } else if ("timezone".equals(offset) && c.getTimezone() == null) {
            out.accept(Finding.at(c, "offset", "missing 'timezone' attribute for clock with offset='timezone'"));
        } else if ("absolute".equals(offset) && c.getStart() == null) {
            out.accept(Finding.at(c, "offset", "missing 'start' attribute for clock with offset='absolute'"));
        }
    }

    private static void enumerated(Timer t, String attribute, String value, Set<String> allowed,
                                   Consumer<Finding> out) {
        if (value != null && !allowed.contains(value)) {
            out.accept(Finding.at(t, attribute, "Invalid value for attribute '" + attribute + "' in element 'timer': '"
                    + value + "'."));
        }
    }

    private static void timer(Timer t, Consumer<Finding> out) {
        String name = t.getName();
        if (name == null) {
            out.accept(Finding.at(t, "Missing required attribute 'name' in element 'timer'"));
            return;
        }
        enumerated(t, "name", name, TIMERS, out);
        enumerated(t, "present", t.getPresent(), Set.of("yes", "no"), out);
        enumerated(t, "tickpolicy", t.getTickpolicy(), TICKPOLICIES, out);
        enumerated(t, "track", t.getTrack(), TRACKS, out);
        enumerated(t, "mode", t.getMode(), MODES, out);
        if (!TIMERS.contains(name)) {
            return;
        }
        if (("kvmclock".equals(name) || "hypervclock".equals(name)) && t.getTickpolicy() != null) {
            out.accept(Finding.at(t, "tickpolicy", "timer " + name + " doesn't support setting of timer tickpolicy"));
        }
        if (t.getCatchup() != null && !"catchup".equals(t.getTickpolicy())) {
            out.accept(Finding.at(t.getCatchup(), "setting of timer catchup policies is only supported with"
                    + " tickpolicy='catchup'"));
        }
        if (!"tsc".equals(name) && t.getFrequency() != null) {
            out.accept(Finding.at(t, "frequency", "timer " + name + " doesn't support setting of timer frequency"));
        }
        if (!"tsc".equals(name) && t.getMode() != null) {
            out.accept(Finding.at(t, "mode", "timer " + name + " doesn't support setting of timer mode"));
        }
        if (!"platform".equals(name) && !"rtc".equals(name) && t.getTrack() != null) {
            out.accept(Finding.at(t, "track", "timer " + name + " doesn't support setting of timer track"));
        }
    }
}
