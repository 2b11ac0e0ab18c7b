package org.clinval.risk.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CucumberReportTest {

    private static String step(String status) {
        return "{\"keyword\":\"Then \",\"name\":\"x\",\"result\":{\"status\":\"" + status + "\"}}";
    }

    private static String element(
            String type, String name, String tags, String hooks, String... steps) {
        return "{\"type\":\""
                + type
                + "\",\"name\":\""
                + name
                + "\",\"line\":7,\"tags\":["
                + tags
                + "],"
                + hooks
                + "\"steps\":["
                + String.join(",", steps)
                + "]}";
    }

    private static List<ScenarioResult> parse(String... elements) throws ResultsReadException {
        String json =
                "[{\"uri\":\"classpath:features/a.feature\",\"name\":\"A\","
                        + "\"tags\":[{\"name\":\"@feature-tag\"}],\"elements\":["
                        + String.join(",", elements)
                        + "]}]";
        return CucumberReport.parse(json, "cucumber.json").scenarios();
    }

    @Test
    void statusIsTheWorstOfStepsHooksAndBackground() throws ResultsReadException {
        List<ScenarioResult> s =
                parse(
                        element("scenario", "ok", "{\"name\":\"@REQ-A\"}", "", step("passed")),
                        element("background", "", "", "", step("failed")),
                        element("scenario", "bad background", "", "", step("passed")),
                        element(
                                "scenario",
                                "bad hook",
                                "",
                                "\"before\":[{\"result\":{\"status\":\"failed\","
                                        + "\"error_message\":\"db down\\nstack\"}}],",
                                step("skipped")),
                        element("scenario", "undefined", "", "", step("passed"), step("undefined")),
                        element("scenario", "pending", "", "", step("pending"), step("skipped")),
                        element("scenario", "empty", "", ""),
                        element(
                                "scenario",
                                "unused hook",
                                "",
                                "\"after\":[{\"result\":{\"status\":\"unused\"}}],",
                                step("passed")));
        assertThat(s)
                .extracting(ScenarioResult::name, ScenarioResult::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ok", ScenarioStatus.PASSED),
                        org.assertj.core.groups.Tuple.tuple(
                                "bad background", ScenarioStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("bad hook", ScenarioStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("undefined", ScenarioStatus.UNDEFINED),
                        org.assertj.core.groups.Tuple.tuple("pending", ScenarioStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple("empty", ScenarioStatus.UNDEFINED),
                        org.assertj.core.groups.Tuple.tuple("unused hook", ScenarioStatus.SKIPPED));
        assertThat(s.get(0).tags()).containsExactly("@feature-tag", "@REQ-A");
        assertThat(s.get(0).featurePath()).isEqualTo("features/a.feature");
        assertThat(s.get(0).describe()).isEqualTo("features/a.feature:7 \"ok\"");
        assertThat(s.get(2).failure()).contains("db down");
        assertThat(s.get(1).failure()).isEmpty();
        // The background applies to the next scenario only.
        assertThat(s.get(3).passed()).isFalse();
        assertThat(s.get(0).passed()).isTrue();
    }

    @Test
    void emptyReportHasNoScenario() throws ResultsReadException {
        assertThat(CucumberReport.parse("[]", "c.json").scenarios()).isEmpty();
        assertThat(
                        CucumberReport.parse(
                                        "[{\"uri\":\"file:x.feature\",\"name\":\"X\"}]", "c.json")
                                .scenarios())
                .isEmpty();
    }

    @Test
    void badReportsNameTheFileAndThePath() {
        assertThatThrownBy(() -> CucumberReport.parse("{}", "c.json"))
                .isInstanceOf(ResultsReadException.class)
                .hasMessage("c.json: not a Cucumber JSON report (a list of features)");
        assertThatThrownBy(() -> CucumberReport.parse("[{", "c.json"))
                .isInstanceOf(ResultsReadException.class)
                .hasMessageStartingWith("c.json: not JSON: ");
        assertThatThrownBy(() -> parse(element("scenario", "s", "", "", step("passd"))))
                .isInstanceOf(ResultsReadException.class)
                .hasMessage(
                        "cucumber.json: [0].elements[0].steps[0].result.status: not a Cucumber"
                                + " status (passed, failed, skipped, pending, undefined,"
                                + " ambiguous, unused): 'passd'");
        assertThatThrownBy(() -> parse("{\"type\":\"scenario\",\"name\":\"s\",\"steps\":[{}]}"))
                .isInstanceOf(ResultsReadException.class)
                .hasMessage("cucumber.json: [0].elements[0].steps[0].result: missing");
        assertThatThrownBy(() -> CucumberReport.parse("[{\"name\":\"A\"}]", "c.json"))
                .isInstanceOf(ResultsReadException.class)
                .hasMessage("c.json: [0].uri: missing or not a text");
    }
}
