package org.virtxml.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.model.domain.Domain;

class ConnectionProfileTest {

    @Test
    void profileOfAnInMemoryHostTakesTheNodesFiguresAndTheCapabilitiesDomainTypes() throws Exception {
        try (Connector c = Connectors.open("mem:///profile-test")) {
            HostProfile p = ConnectionProfile.of(c);
            assertThat(p.memoryBytes()).hasValue(c.nodeInfo().memoryKiB() * 1024);
            assertThat(p.threads()).hasValue(c.nodeInfo().cpus());
            assertThat(p.domainTypes()).contains("kvm");
        }
    }

    @Test
    void definedDomainsReadBackAsTypedDocuments() {
        try (Connector c = Connectors.open("mem:///typed-test")) {
            c.defineDomain("<domain type='kvm'><name>t1</name><memory unit='MiB'>512</memory><vcpu>1</vcpu>"
                    + "<os><type arch='x86_64'>hvm</type></os></domain>");
            LibvirtDocument<Domain> doc = c.domainDocument("t1", XmlFlavor.INACTIVE);
            assertThat(doc.root().getName().getText()).isEqualTo("t1");
            assertThat(doc.root().getMemory().size().number()).isEqualTo("512");
            assertThat(c.capabilitiesDocument().root().getHost()).isNotNull();
        }
    }
}
