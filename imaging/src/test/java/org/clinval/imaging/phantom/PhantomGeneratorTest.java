package org.clinval.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhantomGeneratorTest {

    private static PhantomGenerator generator(long seed, int size) {
        return PhantomGenerator.builder().setSeed(seed).setSize(size).setPrevalence(0.5).build();
    }

    @Test
    void theSameSeedGivesTheSameVoxelsAndAnotherSeedOthers() {
        PhantomCase a = generator(11, 128).generateCase(3);
        PhantomCase b = generator(11, 128).generateCase(3);
        PhantomCase c = generator(12, 128).generateCase(3);
        assertThat(b.image().hu()).isEqualTo(a.image().hu());
        assertThat(b.image().mask()).isEqualTo(a.image().mask());
        assertThat(b.patient()).isEqualTo(a.patient());
        assertThat(c.image().hu()).isNotEqualTo(a.image().hu());
    }

    @Test
    void caseIDoesNotDependOnWhichOtherCasesWereGenerated() {
        List<PhantomCase> all = generator(5, 128).generate(6);
        assertThat(all.get(4).image().hu())
                .isEqualTo(generator(5, 128).generateCase(4).image().hu());
    }

    @Test
    void tissuesHaveTheirHounsfieldValues() {
        PhantomCase c = generator(21, 256).generateCase(0);
        PhantomImage im = c.image();
        // The corner is outside the body: air, within the site's noise and offset.
        assertThat(im.at(0, 2, 2)).isBetween(-1024f, -850f);
        // The middle of the right lung is lung parenchyma (about -850 HU) unless a vessel crosses.
        float[] sorted = im.hu().clone();
        Arrays.sort(sorted);
        assertThat(sorted[sorted.length - 1]).as("bone present").isGreaterThan(500f);
        assertThat(sorted[0]).isGreaterThanOrEqualTo(-1024f);
    }

    @Test
    void positivesHaveNodulesOfThreeToTwentyMillimetresInsideTheirMasks() {
        PhantomGenerator g = generator(7, 128);
        int positives = 0;
        for (int i = 0; i < 60; i++) {
            PhantomCase c = g.generateCase(i);
            assertThat(c.positive()).isEqualTo(!c.lesions().isEmpty());
            if (!c.positive()) {
                assertThat(c.image().maskVoxels()).isZero();
                continue;
            }
            positives++;
            for (Lesion l : c.lesions()) {
                assertThat(l.diameterMm()).isBetween(3.0, 20.0);
            }
            Lesion l = c.lesions().get(0);
            PhantomImage im = c.image();
            int col = (int) Math.round((l.x() - im.originX()) / im.columnSpacingMm());
            int row = (int) Math.round((l.y() - im.originY()) / im.rowSpacingMm());
            if (l.diameterMm() > 2 * im.columnSpacingMm() + 1) {
                assertThat(im.mask()[row * im.columns() + col])
                        .as(c.caseId() + " mask at nodule centre")
                        .isTrue();
            }
        }
        assertThat(positives).isBetween(15, 45);
    }

    @Test
    void canariesCarryAPerCaseToken() {
        Patient p = generator(1, 128).generateCase(0).patient();
        Patient q = generator(1, 128).generateCase(1).patient();
        assertThat(p.canaries()).allMatch(s -> !s.isBlank());
        assertThat(p.id()).isNotEqualTo(q.id());
        assertThat(p.name()).startsWith("CANARY");
    }

    @Test
    void missingSettingsAreNamed() {
        assertThatThrownBy(() -> PhantomGenerator.builder().setSeed(1).build())
                .hasMessage("phantom generator is missing: size, prevalence");
        assertThatThrownBy(() -> PhantomGenerator.builder().setSize(100))
                .hasMessage("phantom size is not 64, 128 or 256: 100");
    }

    @Test
    void volumesHoldWholeNodules() {
        PhantomGenerator g =
                PhantomGenerator.builder()
                        .setSeed(3)
                        .setSize(128)
                        .setPrevalence(1)
                        .optSlices(24)
                        .build();
        PhantomCase c = g.generateCase(0);
        assertThat(c.image().slices()).isEqualTo(24);
        assertThat(c.image().maskVoxels()).isPositive();
    }
}
