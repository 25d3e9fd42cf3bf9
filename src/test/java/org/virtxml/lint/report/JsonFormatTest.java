package org.virtxml.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtxml.json.JsonParser;
import org.virtxml.lint.Severity;

class JsonFormatTest {

    @Test
    void exactShapeOfCliMd() {
        String out = Fixtures.render(new JsonFormat(), Fixtures.report(), Severity.ERROR);
        assertThat(out)
                .isEqualTo("{\"files\":["
                        + "{\"path\":\"vm.xml\",\"kind\":\"domain\",\"diagnostics\":["
                        + "{\"rule\":\"boot-dev-invalid\",\"severity\":\"error\","
                        + "\"message\":\"boot dev 'usb' is not one of fd, hd, cdrom, network\",\"line\":12,\"column\":5,"
                        + "\"xpath\":\"/domain/os/boot[5]/@dev\"},"
                        + "{\"rule\":\"name-unportable\",\"severity\":\"warning\","
                        + "\"message\":\"name 'a,b: 100%' has characters other than letters, digits, '-', '_', '.'\","
                        + "\"line\":3,\"column\":9,\"xpath\":\"/domain/name\"},"
                        + "{\"rule\":\"virtio-recommended\",\"severity\":\"info\","
                        + "\"message\":\"disk vda on bus 'ide': virtio is faster\",\"line\":20,\"column\":7,"
                        + "\"xpath\":\"/domain/devices/disk[1]/target\"}]},"
                        + "{\"path\":\"pool.xml\",\"kind\":\"pool\",\"diagnostics\":[]},"
                        + "{\"path\":\"dir with space/bad.xml\",\"kind\":\"unknown\",\"diagnostics\":["
                        + "{\"rule\":\"xml-malformed\",\"severity\":\"error\","
                        + "\"message\":\"element \\\"a\\\" & <b> not closed\\nparser stopped\",\"line\":4,\"column\":1,"
                        + "\"xpath\":null}]}],"
                        + "\"summary\":{\"files\":3,\"errors\":2,\"warnings\":1,\"infos\":1}}\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void parsesBackAndUnknownPositionIsNull() {
        Map<String, Object> root =
                JsonParser.parseObject(Fixtures.render(new JsonFormat(), Fixtures.withoutPosition(), Severity.ERROR));
        assertThat(root).containsOnlyKeys("files", "summary");
        Map<String, Object> d = (Map<String, Object>)
                ((List<Object>) ((Map<String, Object>) ((List<Object>) root.get("files")).get(0)).get("diagnostics"))
                        .get(0);
        assertThat(d).containsOnlyKeys("rule", "severity", "message", "line", "column", "xpath");
        assertThat(d.get("line")).isSameAs(JsonParser.NULL);
        assertThat(d.get("column")).isSameAs(JsonParser.NULL);
        assertThat(root.get("summary"))
                .isEqualTo(Map.of(
                        "files",
                        BigDecimal.ONE,
                        "errors",
                        BigDecimal.ONE,
                        "warnings",
                        BigDecimal.ZERO,
                        "infos",
                        BigDecimal.ZERO));
    }
}
