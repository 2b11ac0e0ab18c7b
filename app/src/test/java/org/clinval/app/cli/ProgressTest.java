package org.clinval.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theLineShowsDoneTotalRateAndEta() {
        assertThat(Progress.line("inference", 50, 400, Duration.ofSeconds(10)))
                .isEqualTo("inference 50/400 (5.0/s, ETA 1:10)");
        assertThat(Progress.line("inference", 0, 400, Duration.ofSeconds(1)))
                .isEqualTo("inference 0/400 (0.0/s, ETA --:--)");
    }

    @Test
    void offATerminalItPrintsWholeLinesAndAlwaysTheLast() {
        StringWriter out = new StringWriter();
        try (Progress p = new Progress("cases", 3, new PrintWriter(out), false)) {
            p.step();
            p.step();
            p.step();
        }
        assertThat(out.toString()).doesNotContain("\r").contains("cases 3/3");
    }
}
