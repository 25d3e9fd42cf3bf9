package org.virtxml.lint.host;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.virtxml.json.Json;
import org.virtxml.model.Sizes;

/** Writes a host profile and its checks as text or JSON ({@code virtxml host}). */
public final class HostReport {

    private final HostProfile profile;
    private final List<HostCheck> checks;

    public HostReport(HostProfile profile, List<HostCheck> checks) {
        this.profile = profile;
        this.checks = List.copyOf(checks);
    }

    public HostProfile profile() {
        return profile;
    }

    public List<HostCheck> checks() {
        return checks;
    }

    /** 1 when any check failed, else 0. */
    public int exitCode() {
        return HostChecks.anyFailed(checks) ? 1 : 0;
    }

    public void writeText(Appendable out) throws IOException {
        out.append("Host profile (").append(profile.source()).append(")\n");
        row(out, "physical cores", number(profile.physicalCores()));
        row(out, "threads", number(profile.threads()));
        OptionalInt cpus = profile.cpuCount();
        row(
                out,
                "host CPUs",
                cpus.isEmpty()
                        ? "unknown"
                        : cpus.getAsInt() + " (" + (cpus.getAsInt() == 1 ? "0" : "0-" + (cpus.getAsInt() - 1)) + ")");
        row(out, "memory", size(profile.memoryBytes()));
        row(out, "swap", size(profile.swapBytes()));
        row(out, "hardware virtualization", word(profile.hardwareVirtualization()));
        row(out, "KVM usable", word(profile.kvm()));
        row(
                out,
                "domain types",
                profile.domainTypes().isEmpty() ? "unknown" : String.join(", ", profile.domainTypes()));
        out.append("\nChecks\n");
        for (HostCheck c : checks) {
            out.append("  ")
                    .append(String.format(Locale.ROOT, "%-4s", c.status().name()))
                    .append("  ")
                    .append(c.name())
                    .append(": ")
                    .append(c.detail())
                    .append('\n');
            if (!c.hint().isEmpty()) {
                out.append("        hint: ").append(c.hint()).append('\n');
            }
        }
        long fail = count(HostCheck.Status.FAIL);
        long warn = count(HostCheck.Status.WARN);
        out.append('\n')
                .append(Long.toString(count(HostCheck.Status.PASS)))
                .append(" passed, ")
                .append(Long.toString(warn))
                .append(warn == 1 ? " warning, " : " warnings, ")
                .append(Long.toString(fail))
                .append(" failed\n");
    }

    /**
     * {@code {"profile":{"source","physicalCores","threads","cpus","memoryBytes","swapBytes",
     * "hardwareVirtualization","kvm","domainTypes"},"checks":[{"name","status","detail","hint"}],
     * "summary":{"pass","warn","fail"}}}; unknown numbers and domain types are null, support values
     * {@code present|absent|unknown}.
     */
    public void writeJson(Appendable out) throws IOException {
        Json json = Json.to(out);
        json.beginObject().name("profile").beginObject().member("source", profile.source());
        number(json, "physicalCores", profile.physicalCores());
        number(json, "threads", profile.threads());
        number(json, "cpus", profile.cpuCount());
        number(json, "memoryBytes", profile.memoryBytes());
        number(json, "swapBytes", profile.swapBytes());
        json.member(
                        "hardwareVirtualization",
                        profile.hardwareVirtualization().name().toLowerCase(Locale.ROOT))
                .member("kvm", profile.kvm().name().toLowerCase(Locale.ROOT));
        json.name("domainTypes");
        if (profile.domainTypes().isEmpty()) {
            json.nullValue();
        } else {
            json.beginArray();
            profile.domainTypes().forEach(json::value);
            json.endArray();
        }
        json.endObject().name("checks").beginArray();
        for (HostCheck c : checks) {
            json.beginObject()
                    .member("name", c.name())
                    .member("status", c.status().name())
                    .member("detail", c.detail())
                    .member("hint", c.hint())
                    .endObject();
        }
        json.endArray()
                .name("summary")
                .beginObject()
                .member("pass", count(HostCheck.Status.PASS))
                .member("warn", count(HostCheck.Status.WARN))
                .member("fail", count(HostCheck.Status.FAIL))
                .endObject()
                .endObject();
        out.append('\n');
    }

    private long count(HostCheck.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    private static void row(Appendable out, String name, String value) throws IOException {
        out.append("  ")
                .append(String.format(Locale.ROOT, "%-24s", name + ":"))
                .append(' ')
                .append(value)
                .append('\n');
    }

    private static String number(OptionalInt n) {
        return n.isPresent() ? Integer.toString(n.getAsInt()) : "unknown";
    }

    private static String size(OptionalLong n) {
        if (n.isEmpty()) {
            return "unknown";
        }
        String human = Sizes.human(n.getAsLong());
        return n.getAsLong() < Sizes.KIB ? human : human + " (" + n.getAsLong() + " bytes)";
    }

    private static String word(Support s) {
        return switch (s) {
            case PRESENT -> "yes";
            case ABSENT -> "no";
            case UNKNOWN -> "unknown";
        };
    }

    private static void number(Json json, String name, OptionalInt n) {
        json.name(name);
        if (n.isPresent()) {
            json.value(n.getAsInt());
        } else {
            json.nullValue();
        }
    }

    private static void number(Json json, String name, OptionalLong n) {
        json.name(name);
        if (n.isPresent()) {
            json.value(n.getAsLong());
        } else {
            json.nullValue();
        }
    }
}
