package org.clinval.common.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlSchemaTest {

    private static final YamlSchema SCHEMA =
            YamlSchema.load(YamlSchemaTest.class, "study.schema.json");

    private static YamlDocument check(String yaml) {
        return SCHEMA.check(YamlDocument.parse(yaml, "study.yaml"));
    }

    @Test
    void everyViolationIsOneProblemAtItsLineWorded() {
        YamlDocument d =
                check(
                        """
                        id: 'a b'
                        operating_point:
                          threshold: 1.5
                          replicates: 0
                          extra: 1
                        sites: [A, C, A]
                        deidentify: yes please
                        note: 12
                        """);
        assertThat(d.problems())
                .extracting(YamlProblem::toString)
                .containsExactly(
                        "study.yaml line 1, column 5, id: 'a b' is not an identifier (letters,"
                                + " digits, '.', '_', '-')",
                        "study.yaml line 3, column 14, operating_point.threshold: 1.5 is above the"
                                + " maximum 1",
                        "study.yaml line 4, column 15, operating_point.replicates: 0 is not above 0",
                        "study.yaml line 5, column 3, operating_point.extra: is not a known key"
                                + " (known: threshold, replicates)",
                        "study.yaml line 6, column 12, sites[1]: 'C' is not one of A, B, '>='",
                        "study.yaml line 6, column 15, sites[2]: 'A' is listed twice",
                        "study.yaml line 7, column 13, deidentify: 'yes please' is not true or"
                                + " false",
                        "study.yaml line 8, column 7, note: 12 is not a text; put it in quotes,"
                                + " YAML read it as a number");
    }

    @Test
    void whereAndWhatAreSeparate() {
        YamlProblem p = check("id: S\noperating_point: {threshold: -0.5}\n").problems().get(0);
        assertThat(p.where()).isEqualTo("study.yaml line 2, column 30, operating_point.threshold");
        assertThat(p.what()).isEqualTo("-0.5 is below the minimum 0");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(30);
    }

    @Test
    void missingKeysAreNamedAtTheMappingThatLacksThem() {
        assertThat(check("note: x\noperating_point:\n  replicates: 3\n").problems())
                .extracting(YamlProblem::toString)
                .containsExactly(
                        "study.yaml line 1, column 1, id: is required",
                        "study.yaml line 2, column 1, operating_point.threshold: is required");
    }

    @Test
    void wrongShapesSayWhatTheyAre() {
        assertThat(check("- a\n- b\n").problems())
                .extracting(YamlProblem::toString)
                .containsExactly(
                        "study.yaml line 1, column 1: is a list, not a mapping of keys to values");
        assertThat(check("id: S\noperating_point:\nsites: []\n").problems())
                .extracting(YamlProblem::what)
                .containsExactly(
                        "is empty: give a mapping of keys to values",
                        "is empty; it takes at least 1 element");
    }

    @Test
    void aFiveMegabyteValueIsQuotedShort() {
        String huge = "x".repeat(5 << 20);
        YamlDocument d = check("id: S\noperating_point: {threshold: 0.5}\nnote: " + huge + "\n");
        assertThat(d.problems()).hasSize(1);
        assertThat(d.problems().get(0).what())
                .isEqualTo(
                        "'"
                                + "x".repeat(80)
                                + "'… (5242880 characters, the first 80 shown) is too long: a value"
                                + " is at most 65536 characters");
        assertThat(d.problems().get(0).where()).isEqualTo("study.yaml line 3, column 7, note");
        assertThat(d.problems().get(0).toString()).hasSizeLessThan(250);
    }

    @Test
    void aValidFileHasNoProblem() {
        assertThat(check("id: S-1\noperating_point: {threshold: 1}\nsites: [A, '>=']\n").problems())
                .isEmpty();
    }

    @Test
    void aSchemaThatIsNotAJsonSchemaIsRefusedWhenLoaded() {
        assertThatThrownBy(() -> YamlSchema.parse("{\"type\": \"mapping\"}", "bad.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the schema bad.json is not a valid JSON Schema");
        assertThatThrownBy(() -> YamlSchema.load(YamlSchemaTest.class, "missing.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("missing schema resource missing.json");
    }
}
