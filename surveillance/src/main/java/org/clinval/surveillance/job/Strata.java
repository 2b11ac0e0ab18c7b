package org.clinval.surveillance.job;

import java.util.List;

/** The strata of a record: {@code all}, and its site, manufacturer and model version. */
final class Strata {

    private Strata() {}

    /** The strata of {@code r}: {@code all} first. */
    static String[] of(CaseRecord r, List<String> kinds) {
        String[] out = new String[1 + kinds.size()];
        out[0] = "all";
        int i = 1;
        for (String k : kinds) {
            String v =
                    switch (k) {
                        case "site" -> r.site;
                        case "manufacturer" -> r.manufacturer;
                        default -> r.modelVersion;
                    };
            out[i++] = k + "=" + (v == null || v.isBlank() ? "unknown" : v);
        }
        return out;
    }
}
