package org.clinval.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;
import org.junit.jupiter.api.Test;

/**
 * The commands' JSON is written without an ObjectMapper, and must be the text an ObjectMapper with
 * {@code INDENT_OUTPUT} writes, byte for byte: users and tests compare it.
 */
class JsonTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void aTreeIsWrittenAsTheMapperWritesIt() throws Exception {
        ObjectNode o = Json.object();
        o.put("file", "/data/ca\u00efs\u00e9s \"q\"\\\t\n\u0001.csv");
        o.put("n", 10);
        o.put("big", 1L << 40);
        o.put("short", (short) 3);
        Json.put(o, "level", 0.95);
        Json.put(o, "tiny", 1.0e-12);
        Json.put(o, "whole", 2.0);
        o.put("float", 0.1f);
        o.put("integer", new BigInteger("123456789012345678901234567890"));
        o.put("decimal", new BigDecimal("1.50"));
        o.put("yes", true);
        Json.put(o, "missing", OptionalDouble.empty());
        Json.put(o, "ci", new Interval(0.25, 0.75));
        Json.put(o, "no_ci", Optional.empty());
        o.putObject("empty_object");
        o.putArray("empty_array");
        ArrayNode rows = o.putArray("rows");
        rows.addObject().put("a", 1).putArray("xs").add(1.5).add("two").addNull();
        rows.addArray().add(Json.array()).add(Json.object());
        rows.add(false);

        assertThat(TreeWriter.canWrite(o)).isTrue();
        assertThat(Json.write(o)).isEqualTo(MAPPER.writeValueAsString(o));
        assertThat(Json.write(Json.array())).isEqualTo(MAPPER.writeValueAsString(Json.array()));
    }

    @Test
    void otherValuesGoToAMapper() throws Exception {
        Map<String, Object> plain = Map.of("rows", List.of(1, 2));
        assertThat(TreeWriter.canWrite(plain)).isFalse();
        assertThat(Json.write(plain)).isEqualTo(MAPPER.writeValueAsString(plain));
        ObjectNode withPojo = Json.object();
        withPojo.putPOJO("value", List.of("a"));
        assertThat(TreeWriter.canWrite(withPojo)).isFalse();
        assertThat(Json.write(withPojo)).isEqualTo(MAPPER.writeValueAsString(withPojo));
    }

    @Test
    void nonFiniteNumbersAreRefusedByName() {
        assertThatThrownBy(() -> Json.put(Json.object(), "auc", Double.NaN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auc");
    }
}
