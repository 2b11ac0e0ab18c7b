package org.clinval.workflows.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code alarms.jsonl} as the surveillance job writes it. */
class AlarmsFileTest {

    @TempDir Path dir;

    @Test
    void readsEveryAlarmWithItsEvidence() throws IOException {
        Path f = dir.resolve(AlarmsFile.FILE);
        Files.writeString(
                f,
                "{\"alarm_id\":\"ALM-1\",\"kind\":\"cusum\",\"stratum\":\"all\","
                        + "\"metric\":\"sensitivity\",\"window_start\":\"2026-03-01\","
                        + "\"window_end\":\"2026-03-02\",\"raised_at\":\"2026-03-02T00:00:00Z\","
                        + "\"summary\":\"s\",\"evidence\":{\"z\":1,\"a\":[2]},"
                        + "\"requirements\":[\"REQ-1\"],\"risk_controls\":[\"RCM-1\",\"RCM-2\"]}\n"
                        + "\n");
        List<AlarmInput> alarms = AlarmsFile.read(f);
        assertThat(alarms)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.alarmId()).isEqualTo("ALM-1");
                            assertThat(a.riskControls()).containsExactly("RCM-1", "RCM-2");
                            assertThat(Canonical.text(a.toJson()))
                                    .contains("\"evidence\":{\"a\":[2],\"z\":1}");
                        });
        assertThat(AlarmsFile.read(dir.resolve("absent.jsonl"))).isEmpty();
    }

    @Test
    void aBadLineIsNamed() throws IOException {
        Path f = dir.resolve(AlarmsFile.FILE);
        Files.writeString(f, "{\"alarm_id\":\"ALM-1\",\"kind\":\"cusum\"}\n");
        assertThatThrownBy(() -> AlarmsFile.read(f))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith(
                        "alarms.jsonl line 1 is not an alarm: alarm ALM-1 has no stratum");
    }
}
