package org.virtxml.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedStructureCompactly() {
        StringBuilder sb = new StringBuilder();
        Json.to(sb)
                .beginObject()
                .name("files")
                .beginArray()
                .beginObject()
                .member("path", "vm.xml")
                .member("line", 12)
                .member("ok", true)
                .name("xpath")
                .nullValue()
                .endObject()
                .value(1.5)
                .value(-3)
                .value(false)
                .endArray()
                .name("empty")
                .beginObject()
                .endObject()
                .name("none")
                .beginArray()
                .endArray()
                .endObject();
        assertThat(sb)
                .hasToString("{\"files\":[{\"path\":\"vm.xml\",\"line\":12,\"ok\":true,\"xpath\":null},"
                        + "1.5,-3,false],\"empty\":{},\"none\":[]}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.quote("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(Json.quote("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(Json.quote("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
        assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(Json.quote("é€😀")).isEqualTo("\"é€😀\"");
    }

    @Test
    void escapesUnpairedSurrogatesSoTheOutputIsValidUnicode() {
        assertThat(Json.quote("x\ud800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(Json.quote("\udc00")).isEqualTo("\"\\udc00\"");
        assertThat(Json.quote("\ud83d\ude00\ude00")).isEqualTo("\"\ud83d\ude00\\ude00\"");
    }

    @Test
    void numbers() {
        StringBuilder sb = new StringBuilder();
        Json.to(sb)
                .beginArray()
                .value(Long.MAX_VALUE)
                .value(Long.MIN_VALUE)
                .value(2.0)
                .value(0.25)
                .value(new BigDecimal("12345678901234567890.5"))
                .value((BigDecimal) null)
                .endArray();
        assertThat(sb).hasToString("[9223372036854775807,-9223372036854775808,2,0.25,12345678901234567890.5,null]");
        assertThatThrownBy(() -> Json.to(new StringBuilder()).value(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.to(new StringBuilder()).value(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMisuse() {
        assertThatThrownBy(() -> Json.to(new StringBuilder()).name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Json.to(new StringBuilder()).beginObject().value(1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        Json.to(new StringBuilder()).beginObject().name("a").endObject())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Json.to(new StringBuilder()).beginArray().endObject())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Json.to(new StringBuilder()).value(1).value(2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        Json.to(new StringBuilder()).beginObject().name("a").name("b"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void completeOnlyAfterOneBalancedValue() {
        Json json = Json.to(new StringBuilder());
        assertThat(json.complete()).isFalse();
        json.beginObject();
        assertThat(json.complete()).isFalse();
        json.endObject();
        assertThat(json.complete()).isTrue();
    }

    @Test
    void ioFailuresSurfaceUnchecked() {
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> Json.to(broken).value("x"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk full");
    }

    @Test
    void anyStringRoundTripsThroughAStrictParser() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            StringBuilder sb = new StringBuilder();
            Json.to(sb).beginObject().member(s, s).endObject();
            Map<String, Object> parsed = JsonParser.parseObject(sb.toString());
            assertThat(parsed).containsExactly(Map.entry(s, s));
            assertThat(sb.toString().chars().noneMatch(c -> c < 0x20)).isTrue();
        });
    }

    @Test
    void anyLongRoundTrips() {
        qt().forAll(longs().all(), integers().between(0, 5)).checkAssert((n, depth) -> {
            StringBuilder sb = new StringBuilder();
            Json json = Json.to(sb);
            for (int i = 0; i < depth; i++) {
                json.beginArray();
            }
            json.value(n);
            for (int i = 0; i < depth; i++) {
                json.endArray();
            }
            Object parsed = JsonParser.parse(sb.toString());
            for (int i = 0; i < depth; i++) {
                assertThat(parsed).isInstanceOf(List.class);
                parsed = ((List<?>) parsed).get(0);
            }
            assertThat(parsed).isEqualTo(new BigDecimal(n));
            assertThat(json.complete()).isTrue();
        });
    }
}
