package org.clinval.imaging.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * TORCH_CPP_LOG_LEVEL read as libtorch's own {@code c10::initLogging()} reads it (c10/util/
 * Logging.cpp: INFO, WARNING, ERROR, FATAL or 0–3), with ERROR when unset; the app's
 * QuietProcessTest checks that a prediction then prints no NNPACK warning.
 */
class LibtorchLogLevelTest {

    @Test
    void namesAndNumbersMapToLibtorchLevels() {
        assertThat(LibtorchLogLevel.parse("INFO")).isZero();
        assertThat(LibtorchLogLevel.parse("0")).isZero();
        assertThat(LibtorchLogLevel.parse("warning")).isEqualTo(1);
        assertThat(LibtorchLogLevel.parse("1")).isEqualTo(1);
        assertThat(LibtorchLogLevel.parse(" ERROR ")).isEqualTo(2);
        assertThat(LibtorchLogLevel.parse("FATAL")).isEqualTo(3);
        assertThat(LibtorchLogLevel.parse("3")).isEqualTo(3);
    }

    @Test
    void unsetOrUnknownIsError() {
        assertThat(LibtorchLogLevel.parse(null)).isEqualTo(LibtorchLogLevel.ERROR);
        assertThat(LibtorchLogLevel.parse("loud")).isEqualTo(LibtorchLogLevel.ERROR);
    }
}
