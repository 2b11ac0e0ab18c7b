package org.clinval.surveillance.demo;

import java.util.List;
import org.clinval.imaging.phantom.SiteProfile;

/**
 * The demo's sites: imaging's three standard scanners, and the scanner that replaces site B's.
 *
 * <p>Imaging's {@link SiteProfile#driftedSite()} (a sharp, noisy kernel and +60 HU) was measured on
 * the built-in classifier first and does not make it call more negatives positive: its specificity
 * stays at about 0.93–1.0 and only sensitivity falls. A smooth reconstruction kernel does: it blurs
 * vessels into nodule-like blobs. So the demo's new scanner at site B reconstructs with a soft
 * kernel (blur 1.5 mm against B's 1.1 mm) and reads 120 HU high (a calibration not yet done after
 * installation); on phantoms at the baseline's threshold 0.5 this takes site B's specificity from
 * about 1.0 to about 0.75 and its sensitivity from 1.0 to about 0.86.
 */
public final class DemoSites {

    private DemoSites() {}

    /** Returns sites A, B and C as imaging defines them. */
    public static List<SiteProfile> standard() {
        return SiteProfile.standard();
    }

    /**
     * Returns site B after its scanner change: a GE Revolution CT on a low-dose protocol (100 kVp,
     * 1.25 mm slices, 360 mm field of view) reconstructed with the smooth {@code SOFT} kernel, its
     * HU calibration 120 HU high.
     */
    public static SiteProfile siteBAfterScannerChange() {
        return new SiteProfile(
                "B",
                "GE MEDICAL SYSTEMS",
                "Revolution CT",
                "GECT05",
                "SOFT",
                100,
                360,
                1.25,
                1.5,
                12,
                120,
                true);
    }
}
