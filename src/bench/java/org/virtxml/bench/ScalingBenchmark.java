package org.virtxml.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.Linter;

/**
 * One domain with {@code disks} disks ({@link ManyDisks}): read, read and written back, written
 * back with one disk added (a real byte-stable write), and linted. Time per operation: linear
 * scaling shows as a time per disk that stays flat from 1k to 20k disks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScalingBenchmark {
    @Param({"1000", "5000", "20000"})
    public int disks;

    private String xml;
    private Linter linter;

    @Setup
    public void build() {
        xml = ManyDisks.domain(disks);
        linter = Linter.defaults();
    }

    @Benchmark
    public void read(Blackhole bh) throws DocumentReadException {
        bh.consume(LibvirtXml.defaults().parse(xml));
    }

    @Benchmark
    public void readAndWrite(Blackhole bh) throws DocumentReadException {
        bh.consume(LibvirtXml.defaults().parse(xml).write());
    }

    @Benchmark
    public void readEditWrite(Blackhole bh) throws DocumentReadException {
        LibvirtDocument<org.virtxml.model.domain.Domain> doc =
                LibvirtXml.defaults().parseDomain(xml);
        var list = doc.root().getDevices().getDisk();
        list.add((org.virtxml.model.domain.Disk) list.get(0).deepCopy());
        bh.consume(doc.write());
    }

    @Benchmark
    public void lint(Blackhole bh) {
        bh.consume(linter.lintText("many-disks.xml", xml));
    }
}
