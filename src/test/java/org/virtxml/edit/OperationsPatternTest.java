package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.domain.Domain;

/** Creating, cloning, converting and network editing follow one pattern: configured instances, {@link EditResult} values. */
class OperationsPatternTest {

    private static Domain ideGuest() throws Exception {
        return LibvirtXml.defaults()
                .readDomain(Path.of("src/test/resources/samples/ide-guest.xml"))
                .root();
    }

    @Test
    void everyRandomDrawingOperationIsMadeTheSameWayAndASeedRepeats() throws Exception {
        Domain source = ideGuest();
        String one = LibvirtXml.toXml(DomainCloner.withRandom(new SplittableRandom(5))
                .clone(source, CloneOptions.named("c"))
                .root());
        String two = LibvirtXml.toXml(DomainCloner.withRandom(new SplittableRandom(5))
                .clone(source, CloneOptions.named("c"))
                .root());
        assertThat(one).isEqualTo(two);
        String secure = LibvirtXml.toXml(DomainCloner.withSecureRandom()
                .clone(source, CloneOptions.named("c"))
                .root());
        assertThat(secure).isNotEqualTo(one);
        assertThat(GuestFactory.withSecureRandom()
                        .create(GuestSpec.of("g"))
                        .root()
                        .getUuid())
                .isNotEqualTo(GuestFactory.withSecureRandom()
                        .create(GuestSpec.of("g"))
                        .root()
                        .getUuid());
        Domain d1 = ideGuest();
        Domain d2 = ideGuest();
        Networks.withRandom(new SplittableRandom(9)).addInterface(d1, new InterfaceSpec.Network("default"));
        Networks.withRandom(new SplittableRandom(9)).addInterface(d2, new InterfaceSpec.Network("default"));
        assertThat(d1).isEqualTo(d2);
    }

    @Test
    void everyOperationAnswersWithTheRootAndTheListOfChanges() throws Exception {
        Domain source = ideGuest();
        EditResult<Domain> created =
                GuestFactory.withRandom(new SplittableRandom(1)).create(GuestSpec.of("g"));
        EditResult<Domain> cloned =
                DomainCloner.withRandom(new SplittableRandom(1)).clone(source, CloneOptions.named("c"));
        assertThat(cloned.root()).isNotSameAs(source);
        EditResult<Domain> converted = new VirtioConversion().apply(source);
        assertThat(converted.root()).as("converted in place").isSameAs(source);
        EditResult<Domain> networked =
                Networks.withRandom(new SplittableRandom(1)).addInterface(source, new InterfaceSpec.Bridge("br0"));
        assertThat(networked.root()).isSameAs(source);
        for (EditResult<Domain> r : java.util.List.of(created, cloned, converted, networked)) {
            assertThat(r.changes())
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.path()).startsWith("/domain"));
        }
        assertThat(converted.changes()).extracting(Change::path).anyMatch(p -> p.startsWith("/domain/devices/disk"));
    }
}
