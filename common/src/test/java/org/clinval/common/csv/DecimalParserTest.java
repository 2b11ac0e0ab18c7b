package org.clinval.common.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reference is the JDK's {@link Double#parseDouble}: the parser must give the same bits for
 * every text it accepts and reject the same texts.
 */
class DecimalParserTest {

    private static double parse(String s) {
        return DecimalParser.parse(("x" + s).toCharArray(), 1, s.length());
    }

    private static void sameAsJdk(String s) {
        double expected;
        try {
            expected = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            assertThatThrownBy(() -> parse(s)).as(s).isInstanceOf(NumberFormatException.class);
            return;
        }
        assertThat(Double.doubleToRawLongBits(parse(s)))
                .as(s)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void unusualFormsAreAcceptedAndRejectedAsByTheJdk() {
        for (String s :
                new String[] {
                    "0",
                    "-0",
                    "-0.0",
                    "+0.5",
                    ".5",
                    "5.",
                    "-.5e-3",
                    "1e22",
                    "1e23",
                    "1e-22",
                    "1e-23",
                    "123456789012345",
                    "1234567890123456",
                    "0.000000000000000000001",
                    "9007199254740993",
                    "1e400",
                    "-1e400",
                    "1e-400",
                    "NaN",
                    "Infinity",
                    "-Infinity",
                    "0x1p3",
                    "1d",
                    "2.5F",
                    " 1",
                    "1 ",
                    "",
                    "-",
                    "+",
                    ".",
                    "e5",
                    "1e",
                    "1e+",
                    "1.2.3",
                    "1,5",
                    "0.1000000000000000",
                    "00000000000000000000000001.25",
                    "1_000",
                    "١٢"
                }) {
            sameAsJdk(s);
        }
    }

    @Test
    void randomDecimalsGiveTheJdksBits() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 200_000; i++) {
            double v = random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
            if (random.nextBoolean()) v = -v;
            int decimals = random.nextInt(0, 19);
            sameAsJdk(String.format(Locale.ROOT, "%." + decimals + "f", v));
            sameAsJdk(String.format(Locale.ROOT, "%." + decimals + "e", v));
            sameAsJdk(Double.toString(v));
            sameAsJdk(Long.toString(random.nextLong(1L << 60)) + "e" + random.nextInt(-30, 30));
        }
    }
}
