package org.clinval.surveillance.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.clinval.imaging.phantom.SiteProfile;

/**
 * Writes the three kinds of surveillance event as one-line JSON, fields in the contract's order.
 */
final class DemoEvents {

    static final String PREDICTION = "prediction";
    static final String GROUND_TRUTH = "ground-truth";
    static final String READER_DECISION = "reader-decision";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoEvents() {}

    static String prediction(
            String caseId,
            Instant time,
            String siteId,
            SiteProfile site,
            int size,
            String deviceVersion,
            String modelVersion,
            double score,
            int decision) {
        ObjectNode o = head(PREDICTION, caseId, time);
        o.put("site", siteId);
        o.put("device_version", deviceVersion);
        o.put("model_version", modelVersion);
        o.put("score", score);
        o.put("decision", decision);
        ObjectNode a = o.putObject("acquisition");
        a.put("modality", "CT");
        a.put("manufacturer", site.manufacturer());
        a.put("manufacturer_model_name", site.model());
        number(a, "kvp", site.kvp());
        number(a, "slice_thickness_mm", site.sliceThicknessMm());
        // The phantom's pixel spacing: the field of view over the matrix, as its header says.
        number(a, "pixel_spacing_mm", site.fieldOfViewMm() / size);
        a.put("convolution_kernel", site.kernel());
        a.putNull("magnetic_field_strength_t");
        return write(o);
    }

    static String groundTruth(String caseId, Instant time, int label, String source) {
        ObjectNode o = head(GROUND_TRUTH, caseId, time);
        o.put("label", label);
        o.put("source", source);
        return write(o);
    }

    static String readerDecision(String caseId, Instant time, boolean agreed) {
        ObjectNode o = head(READER_DECISION, caseId, time);
        o.put("agreed", agreed);
        return write(o);
    }

    private static ObjectNode head(String type, String caseId, Instant time) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        o.put("case_id", caseId);
        o.put("event_time", time.toString());
        return o;
    }

    /** Whole numbers as integers ({@code 120}, not {@code 120.0}), as a DICOM header shows them. */
    private static void number(ObjectNode o, String field, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(field, (long) v);
        } else {
            o.put(field, v);
        }
    }

    private static String write(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event as JSON: " + e, e);
        }
    }
}
