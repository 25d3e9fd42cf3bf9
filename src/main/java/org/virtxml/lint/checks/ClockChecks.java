package org.virtxml.lint.checks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.GuestOs;
import org.virtxml.model.domain.Clock;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Timer;

/** Clock and timer rules (rules.md "Clock"). */
final class ClockChecks {

    static final Set<String> OFFSETS = Set.of("utc", "localtime", "timezone", "variable", "absolute");
    static final Set<String> TIMERS =
            Set.of("platform", "pit", "rtc", "hpet", "tsc", "kvmclock", "hypervclock", "armvtimer");
    static final Set<String> TICKPOLICIES = Set.of("delay", "catchup", "merge", "discard");
    static final Set<String> TRACKS = Set.of("boot", "guest", "wall", "realtime");
    static final Set<String> MODES = Set.of("auto", "native", "emulate", "paravirt", "smpsafe");

    private ClockChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("clock-offset-invalid", Clock.class, ClockChecks::offset),
                RuleCheck.of("timer-invalid", Timer.class, ClockChecks::timer),
                RuleCheck.of("timing-advice", Domain.class, ClockChecks::timingAdvice));
    }

    /**
     * The KVM guide's chapter 8 for a guest whose document names its OS ({@link GuestOs}): Windows
     * keeps its clock in localtime, with rtc catchup, HPET off and the Hyper-V clock; Linux keeps
     * UTC with kvmclock. One finding per piece of advice.
     */
    private static void timingAdvice(Domain d, Consumer<Finding> out) {
        Optional<GuestOs> os = GuestOs.of(d);
        if (os.isEmpty() || os.get().family() == GuestOs.Family.BSD) {
            return;
        }
        Clock c = d.getClock();
        String offset = c == null || c.getOffset() == null ? "utc" : c.getOffset();
        String who = os.get().family() == GuestOs.Family.WINDOWS
                ? "a Windows guest (" + os.get().evidence() + ")"
                : "a Linux guest (" + os.get().evidence() + ")";
        org.virtxml.model.ModelElement at = c == null ? d : c;
        if (os.get().family() == GuestOs.Family.WINDOWS) {
            if (!"localtime".equals(offset)) {
                out.accept(offsetFinding(
                        c,
                        d,
                        who + " with clock offset '" + offset
                                + "': Windows keeps its clock in local time; use <clock offset='localtime'>"));
            }
            Optional<Timer> hpet = timer(c, "hpet");
            if (hpet.isPresent() && !"no".equals(hpet.get().getPresent())) {
                out.accept(Finding.at(
                        hpet.get(),
                        who + " with the HPET on: turn it off"
                                + " (<timer name='hpet' present='no'/>) to save CPU time"));
            }
            if (timer(c, "hypervclock")
                    .filter(t -> !"no".equals(t.getPresent()))
                    .isEmpty()) {
                out.accept(Finding.at(
                        at,
                        who + " without the Hyper-V clock: add <timer name='hypervclock' present='yes'/>"
                                + " for a stable time source"));
            }
            Optional<Timer> rtc = timer(c, "rtc");
            if (rtc.isEmpty() || !"catchup".equals(rtc.get().getTickpolicy())) {
                out.accept(Finding.at(
                        rtc.isPresent() ? rtc.get() : at,
                        who + " without <timer name='rtc'"
                                + " tickpolicy='catchup'/>: the guest's clock falls behind after a pause"));
            }
        } else {
            if (!"utc".equals(offset)) {
                out.accept(offsetFinding(
                        c,
                        d,
                        who + " with clock offset '" + offset
                                + "': Linux keeps its hardware clock in UTC; use <clock offset='utc'>"));
            }
            Optional<Timer> kvmclock = timer(c, "kvmclock");
            if (kvmclock.isPresent() && "no".equals(kvmclock.get().getPresent())) {
                out.accept(Finding.at(
                        kvmclock.get(),
                        who + " with kvmclock off: kvmclock is Linux's stable clock"
                                + " source on KVM; remove present='no'"));
            }
        }
    }

    private static Finding offsetFinding(Clock c, Domain d, String message) {
        return c == null ? Finding.at(d, message) : Finding.at(c, "offset", message);
    }

    private static Optional<Timer> timer(Clock c, String name) {
        return c == null
                ? Optional.empty()
                : c.getTimer().stream().filter(t -> name.equals(t.getName())).findFirst();
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

    private static void enumerated(
            Timer t, String attribute, String value, Set<String> allowed, Consumer<Finding> out) {
        if (value != null && !allowed.contains(value)) {
            out.accept(Finding.at(
                    t,
                    attribute,
                    "Invalid value for attribute '" + attribute + "' in element 'timer': '" + value + "'."));
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
            out.accept(Finding.at(
                    t.getCatchup(),
                    "setting of timer catchup policies is only supported with" + " tickpolicy='catchup'"));
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
