package org.clinval.risk.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinval.common.Quote;
import org.clinval.common.Sha256;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlMap;
import org.clinval.risk.RecordKind;
import org.clinval.risk.VerificationRecord;

/**
 * Reads a verification entry that cites a signed record: {@code {record, sha256, kind, title,
 * signed_by, signed_on}}, every key required and none of a scenario reference's allowed. Whether
 * the file is there and unchanged is the risk check's question, not the reader's.
 */
final class RecordEntries {

    /** The keys of a record entry besides {@code record}. */
    static final List<String> KEYS = List.of("sha256", "kind", "title", "signed_by", "signed_on");

    private RecordEntries() {}

    /**
     * Reads the record entry {@code r}; a bad entry is recorded as problems, each at its key, and
     * left out.
     */
    static Optional<VerificationRecord> read(YamlMap r) {
        Optional<String> file = r.string("record").map(String::strip);
        for (String k : Refs.SCENARIO_KEYS) {
            if (r.has(k)) {
                r.raw(k);
                r.problem(
                        k,
                        "does not belong to a record entry: a record is cited by its file and"
                                + " SHA-256; give the scenario in an entry of its own");
            }
        }
        Optional<String> sha = r.string("sha256").map(String::strip);
        if (sha.isPresent() && !Sha256.isHex(sha.get().toLowerCase(Locale.ROOT))) {
            r.problem(
                    "sha256",
                    Quote.value(sha.get())
                            + " is not a SHA-256: 64 hexadecimal digits, as sha256sum prints them");
            sha = Optional.empty();
        }
        Optional<RecordKind> kind = r.string("kind").flatMap(k -> kind(r, k));
        Optional<String> title = r.string("title");
        Optional<String> signedBy = r.string("signed_by");
        Optional<LocalDate> signedOn = r.string("signed_on").flatMap(d -> date(r, d));
        if (file.isPresent() && file.get().isEmpty()) {
            r.problem("record", "names no file: give the record's path, relative to this file");
            file = Optional.empty();
        }
        r.rejectUnknownKeys();
        if (file.isEmpty()
                || sha.isEmpty()
                || kind.isEmpty()
                || title.isEmpty()
                || signedBy.isEmpty()
                || signedOn.isEmpty()
                || r.doc().hasProblemWithin(r.path())) {
            return Optional.empty();
        }
        return Optional.of(
                new VerificationRecord(
                        file.get(),
                        sha.get().toLowerCase(Locale.ROOT),
                        kind.get(),
                        title.get(),
                        signedBy.get(),
                        signedOn.get()));
    }

    private static Optional<RecordKind> kind(YamlMap r, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (RecordKind k : RecordKind.values()) {
            if (k.key().equals(t)) return Optional.of(k);
        }
        r.problem(
                "kind",
                Show.notOneOf(
                        r.raw("kind"),
                        Arrays.stream(RecordKind.values()).map(RecordKind::key).toList()));
        return Optional.empty();
    }

    private static Optional<LocalDate> date(YamlMap r, String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeException e) {
            r.problem(
                    "signed_on",
                    Quote.value(text)
                            + " is not a date written as year-month-day, e.g. 2026-11-20");
            return Optional.empty();
        }
    }
}
