package org.clinval.surveillance.job;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Copies each record into {@code all} and into its site, manufacturer and model-version strata. */
final class Strata implements FlatMapFunction<CaseRecord, CaseRecord> {

    private static final long serialVersionUID = 1L;
    private final List<String> kinds;

    Strata(List<String> kinds) {
        this.kinds = List.copyOf(kinds);
    }

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

    @Override
    public void flatMap(CaseRecord r, Collector<CaseRecord> out) {
        for (String s : of(r, kinds)) out.collect(r.in(s));
    }
}
