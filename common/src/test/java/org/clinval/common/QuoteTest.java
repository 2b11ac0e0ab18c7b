package org.clinval.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void showsAByteOrderMarkAndATab() {
        assertThat(Quote.value("\uFEFFlabel")).isEqualTo("'\\uFEFFlabel'");
        assertThat(Quote.value("a\tb")).isEqualTo("'a\\u0009b'");
    }

    @Test
    void cutsALongValueAndSaysHowLongItWas() {
        String five = "x".repeat(5_000_000);
        String q = Quote.value(five);
        assertThat(q).hasSizeLessThan(200).contains("5000000 characters");
        assertThat(Quote.value("short")).isEqualTo("'short'");
        assertThat(Quote.value(null)).isEqualTo("(none)");
    }
}
