package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.virtxml.lint.facts.Origin;
import org.virtxml.lint.facts.RunFacts;
import org.virtxml.model.IpAddress;
import org.virtxml.model.IpNetwork;

/**
 * network-overlap over a run of many networks: the findings are those of comparing every subnet
 * with every subnet of the networks before it ({@link IpNetwork#overlaps}), in that order, though
 * the rule looks them up by base address instead of comparing each pair.
 */
class NetworkOverlapRunTest {

    @Test
    void aRunOfManyNetworksGivesTheFindingsOfEveryPairInOrder() {
        Random random = new Random(14);
        List<RunFacts> run = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            List<RunFacts.Subnet> subnets = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int s = 0; s < count; s++) {
                subnets.add(new RunFacts.Subnet(randomNetwork(random), Origin.UNKNOWN));
            }
            run.add(new RunFacts(
                    "net" + n + ".xml",
                    new RunFacts.NetworkFacts("n" + n, null, Origin.UNKNOWN, subnets),
                    null,
                    List.of()));
            if (n % 7 == 0) {
                run.add(new RunFacts("domain" + n + ".xml", null, null, List.of())); // no network: skipped
            }
        }

        List<String> found = KindSetRules.check(run).stream()
                .filter(d -> d.rule().equals("network-overlap"))
                .map(d -> d.file() + ": " + d.message())
                .toList();

        List<String> pairwise = new ArrayList<>();
        List<RunFacts> seen = new ArrayList<>();
        for (RunFacts d : run) {
            if (d.network() == null) {
                continue;
            }
            for (RunFacts.Subnet mine : d.network().subnets()) {
                for (RunFacts earlier : seen) {
                    for (RunFacts.Subnet theirs : earlier.network().subnets()) {
                        if (mine.network().overlaps(theirs.network())) {
                            pairwise.add(
                                    d.file() + ": network " + mine.network().describe() + " overlaps "
                                            + theirs.network().describe() + " of network '"
                                            + earlier.network().name()
                                            + "' (" + earlier.file() + "): only one of them can be started");
                        }
                    }
                }
            }
            seen.add(d);
        }
        assertThat(pairwise).hasSizeGreaterThan(200); // the run has nested, equal and disjoint networks
        assertThat(found).isEqualTo(pairwise);
    }

    /** Mostly IPv4 inside 10.0.0.0/8 with prefixes 6 to 30 (nested, equal and disjoint ones), some IPv6. */
    private static IpNetwork randomNetwork(Random random) {
        if (random.nextInt(10) == 0) {
            int prefix = 32 + random.nextInt(97);
            String address = "2001:db8:" + Integer.toHexString(random.nextInt(4)) + ":"
                    + Integer.toHexString(random.nextInt(3)) + "::" + Integer.toHexString(1 + random.nextInt(200));
            return new IpNetwork(IpAddress.of(address), prefix);
        }
        int prefix = 6 + random.nextInt(25);
        String address = "10." + random.nextInt(4) + "." + random.nextInt(16) + "." + (1 + random.nextInt(254));
        return new IpNetwork(IpAddress.of(address), prefix);
    }
}
