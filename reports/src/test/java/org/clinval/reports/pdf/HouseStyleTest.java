package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.JRTemplate;
import org.clinval.reports.internal.Palette;
import org.clinval.risk.Acceptability;
import org.junit.jupiter.api.Test;

/** The templates colour what the workbooks colour, from the one palette. */
class HouseStyleTest {

    private static JRStyle style(JRTemplate t, String name) {
        for (JRStyle s : t.getStyles()) {
            if (s.getName().equals(name)) return s;
        }
        throw new AssertionError("no style " + name);
    }

    private static int rgb(Color c) {
        return c.getRGB() & 0xFFFFFF;
    }

    @Test
    void regionStylesTakeThePalettesColours() throws Exception {
        JRTemplate t = JasperPdf.styles();
        for (Acceptability a : Acceptability.values()) {
            JRStyle s = style(t, "Region_" + a.key());
            assertThat(rgb(s.getOwnBackcolor())).isEqualTo(Palette.region(a).fill());
            assertThat(rgb(s.getOwnForecolor())).isEqualTo(Palette.region(a).ink());
        }
        assertThat(rgb(style(t, "TH").getOwnBackcolor())).isEqualTo(Palette.HEADER_FILL);
        assertThat(rgb(style(t, "Heading").getOwnForecolor())).isEqualTo(Palette.HEADING);
        assertThat(style(t, "Base").isDefault()).isTrue();
    }

    @Test
    void bothReportsMarkOutcomesInThePalettesColours() throws Exception {
        for (String template :
                new String[] {"risk-management-report.jrxml", "validation-report.jrxml"}) {
            String jrxml;
            try (InputStream in = JasperPdf.class.getResourceAsStream(template)) {
                jrxml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(jrxml)
                    .as(template)
                    .contains("forecolor=\"" + Palette.hex(Palette.GOOD) + "\"")
                    .contains("forecolor=\"" + Palette.hex(Palette.BAD) + "\"");
        }
    }
}
