package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.compliance.ClaimAnswers.Status;

/**
 * The Checklist for Artificial Intelligence in Medical Imaging, 2024 update (CLAIM 2024; Tejani AS,
 * Klontzas ME, Gatti AA, et al. Radiol Artif Intell 2024;6(4):e240300), pre-filled from one study
 * run for the manuscript or submission that reports it: its 44 items under their sections, each in
 * one of three statuses. "Answered": the section of the 510(k) performance section or model card of
 * the same run that answers it, with the run's values and their computation references. "Partly
 * answered": what the records give, as an answered item shows it, and apart from it what the
 * manufacturer must still write — so that a reviewer never takes the test partition for all of
 * them, or the failure counts for their review. "Manufacturer to complete": what remains to write.
 * A summary table first counts the three by section, and each section's note lists the items left
 * wholly or in part to the manufacturer. What an item gets is decided in {@link ClaimAnswers} from
 * the records alone.
 */
public final class ClaimChecklist {

    /** The file name in the run's documents folder. */
    public static final String FILE = "claim-checklist.docx";

    private ClaimChecklist() {}

    /** The checklist's content, with its computation records cited in {@code traces}. */
    public static Doc build(RunEvidence run, Traces traces) {
        JsonNode m = run.metrics();
        JsonNode device = run.protocol().path("device");
        ClaimAnswers answers = new ClaimAnswers(run, traces);
        // Answered in item order, so that the references are numbered in reading order.
        Map<Integer, ClaimAnswers.Answer> byItem = new LinkedHashMap<>();
        for (ClaimItems.Item item : ClaimItems.ALL)
            byItem.put(item.number(), answers.of(item.number()));

        Doc doc =
                new Doc(
                        "CLAIM 2024 checklist",
                        device.path("name").asText(m.at("/provenance/device").asText(""))
                                + " — Checklist for Artificial Intelligence in Medical Imaging,"
                                + " 2024 update (Tejani AS, Klontzas ME, Gatti AA, et al. Radiol"
                                + " Artif Intell 2024;6(4):e240300), pre-filled from validation"
                                + " study "
                                + run.studyId()
                                + run.sealed().map(s -> " (run sealed " + s + ")").orElse("")
                                + ". Every number refers to its computation record (appendix).");

        Map<String, List<ClaimItems.Item>> groups = new LinkedHashMap<>();
        for (ClaimItems.Item item : ClaimItems.ALL) {
            groups.computeIfAbsent(key(item), k -> new ArrayList<>()).add(item);
        }

        doc.h1("Summary");
        doc.p(
                "Each item of the checklist has one of three statuses. Answered: the study's"
                        + " records answer it, and the row names the section of the 510(k)"
                        + " performance section ("
                        + PerformanceSection510k.FILE
                        + ") or the model card ("
                        + ModelCard.FILE
                        + ") written from the same run that answers it, with the run's values."
                        + " Partly answered: the records give part of the answer, shown after"
                        + " \"Records:\" with the run's values, and the manufacturer must write"
                        + " the rest, shown after \"To complete:\". Manufacturer to complete: the"
                        + " records do not answer it, and the row says what they hold toward it."
                        + " Item texts are short paraphrases: the published checklist is the"
                        + " authority on what each item asks. {Table:summary} counts the three by"
                        + " section.");
        List<List<String>> summary = new ArrayList<>();
        for (List<ClaimItems.Item> g : groups.values()) {
            summary.add(
                    countRow(label(g.get(0)), range(g), "{Table:" + tableId(g) + "}", g, byItem));
        }
        summary.add(countRow("All sections", range(ClaimItems.ALL), "", ClaimItems.ALL, byItem));
        doc.table(
                "summary",
                "CLAIM 2024 items answered by study "
                        + run.studyId()
                        + ", partly answered and left to complete",
                List.of(
                        "Section",
                        "Items",
                        "Table",
                        "Answered",
                        "Partly answered",
                        "Manufacturer to complete"),
                summary);

        String section = "";
        for (List<ClaimItems.Item> g : groups.values()) {
            ClaimItems.Item first = g.get(0);
            if (!first.section().equals(section)) {
                section = first.section();
                doc.h1(section);
            }
            if (!first.topic().isEmpty()) doc.h2(first.topic());
            List<List<String>> rows = new ArrayList<>();
            List<String> open = new ArrayList<>();
            List<String> partly = new ArrayList<>();
            for (ClaimItems.Item item : g) {
                ClaimAnswers.Answer a = byItem.get(item.number());
                rows.add(
                        List.of(
                                String.valueOf(item.number()),
                                item.text(),
                                a.status().label(),
                                a.text()));
                if (a.status() == Status.TO_COMPLETE) open.add(String.valueOf(item.number()));
                if (a.status() == Status.PARTLY) partly.add(String.valueOf(item.number()));
            }
            doc.table(
                    tableId(g),
                    "CLAIM 2024 "
                            + (g.size() == 1 ? "item " : "items ")
                            + range(g)
                            + ": "
                            + label(first),
                    List.of("No.", "Item", "Status", "Where answered / what to complete"),
                    rows);
            if (!open.isEmpty() || !partly.isEmpty()) {
                doc.toComplete(toComplete(open, partly));
            }
        }

        doc.h1("Appendix: computation records");
        doc.p("{Table:records} lists the record behind each [Rn], {Table:hashes} their SHA-256.");
        return doc;
    }

    /** A summary row: the items of {@code items} answered, partly answered and left to complete. */
    private static List<String> countRow(
            String label,
            String range,
            String table,
            List<ClaimItems.Item> items,
            Map<Integer, ClaimAnswers.Answer> byItem) {
        Map<Status, Integer> n = new EnumMap<>(Status.class);
        for (Status s : Status.values()) n.put(s, 0);
        for (ClaimItems.Item item : items)
            n.merge(byItem.get(item.number()).status(), 1, Integer::sum);
        return List.of(
                label,
                range,
                table,
                String.valueOf(n.get(Status.ANSWERED)),
                String.valueOf(n.get(Status.PARTLY)),
                String.valueOf(n.get(Status.TO_COMPLETE)));
    }

    /**
     * "items 1, 2 of the table above …", "item 35 and what remains of item 36 (partly answered) …":
     * a partly answered item is named apart, as only its "To complete" part is the manufacturer's.
     */
    private static String toComplete(List<String> open, List<String> partly) {
        String whole = open.isEmpty() ? "" : items(open);
        String rest =
                partly.isEmpty() ? "" : "what remains of " + items(partly) + " (partly answered)";
        return whole
                + (whole.isEmpty() || rest.isEmpty() ? "" : " and ")
                + rest
                + " of the table above, as its last column says.";
    }

    private static String items(List<String> numbers) {
        return (numbers.size() == 1 ? "item " : "items ") + String.join(", ", numbers);
    }

    private static String key(ClaimItems.Item item) {
        return item.section() + "|" + item.topic();
    }

    private static String label(ClaimItems.Item item) {
        return item.topic().isEmpty()
                ? item.section()
                : item.section() + ": " + item.topic().toLowerCase(java.util.Locale.ROOT);
    }

    private static String range(List<ClaimItems.Item> items) {
        int a = items.get(0).number();
        int b = items.get(items.size() - 1).number();
        return a == b ? String.valueOf(a) : a + "–" + b;
    }

    private static String tableId(List<ClaimItems.Item> items) {
        return "items-" + range(items).replace('–', '-');
    }
}
