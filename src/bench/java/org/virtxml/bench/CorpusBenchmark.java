package org.virtxml.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;

/**
 * One operation is one pass over all corpus domain documents (bytes in memory): read into the
 * typed model and written back unchanged (byte-stable); read and written in normal form ({@code fmt});
 * only written back unchanged (documents read once in setup: the no-op write alone); or only
 * tokenized by the JDK's StAX parser (the baseline).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CorpusBenchmark {
    private List<byte[]> documents;
    private XMLInputFactory stax;
    private List<LibvirtDocument<?>> read;

    @Setup
    public void load() {
        documents = DomainCorpus.load().documents();
        stax = XMLInputFactory.newDefaultFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        read = new ArrayList<>();
        try {
            for (byte[] d : documents) {
                read.add(LibvirtXml.defaults().read(new ByteArrayInputStream(d), "bench"));
            }
        } catch (DocumentReadException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public void noOpWrite(Blackhole bh) {
        for (LibvirtDocument<?> doc : read) {
            bh.consume(doc.write());
        }
    }

    @Benchmark
    public void readAndNormalize(Blackhole bh) throws DocumentReadException {
        LibvirtXml xml = LibvirtXml.defaults();
        for (byte[] d : documents) {
            bh.consume(xml.read(new ByteArrayInputStream(d), "bench").normalized());
        }
    }

    @Benchmark
    public void readAndWrite(Blackhole bh) throws DocumentReadException {
        LibvirtXml xml = LibvirtXml.defaults();
        for (byte[] d : documents) {
            bh.consume(xml.read(new ByteArrayInputStream(d), "bench").write());
        }
    }

    @Benchmark
    public void staxTokenizeOnly(Blackhole bh) throws XMLStreamException {
        for (byte[] d : documents) {
            XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(d));
            while (r.hasNext()) {
                bh.consume(r.next());
            }
            r.close();
        }
    }
}
