package org.clinval.workflows.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;

/**
 * Walks a trail line by line and reports the first position where it differs from what was written.
 * Line {@code p} must hold entry {@code p}, hash to its stated hash, and name the hash of line
 * {@code p − 1}. How each kind of change shows:
 *
 * <ul>
 *   <li><b>edit</b> of line {@code p}: its bytes no longer hash to its stated hash; if the editor
 *       also recomputed that hash, entry {@code p + 1} still names the old one;
 *   <li><b>deletion</b> of line {@code p}: line {@code p} holds entry {@code p + 1} and entry
 *       {@code p} appears nowhere; deleting the last line leaves the chain intact, but the head
 *       record (and any checkpoint) names one entry more;
 *   <li><b>insertion</b> before line {@code p}: the inserted line fails its own hash, or carries a
 *       sequence already used, or is skipped by the next entry's previous-hash;
 *   <li><b>reordering</b>: line {@code p} holds an entry whose own sequence appears later;
 *   <li><b>forgery</b> (with the site's public key): an entry, head or checkpoint whose hash was
 *       recomputed no longer matches its site-key signature, and one signed with another key names
 *       both key ids.
 * </ul>
 */
final class AuditVerifier {

    private final Path dir;
    private final TrailFiles files;
    private final PublicSiteKey key;
    private final List<AuditTrail.Anchor> anchors;

    /** A verifier of {@code files} in {@code dir}; without {@code key} only the structure. */
    AuditVerifier(Path dir, TrailFiles files, PublicSiteKey key, List<AuditTrail.Anchor> anchors) {
        this.dir = dir;
        this.files = files;
        this.key = key;
        this.anchors = List.copyOf(anchors);
    }

    AuditVerification verify() throws IOException {
        Path file = dir.resolve(files.trail());
        List<String> lines =
                Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        int n = lines.size();
        List<AuditLine.Parsed> parsed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                parsed.add(AuditLine.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                return AuditVerification.bad(
                        n,
                        i + 1,
                        "line "
                                + (i + 1)
                                + " is not an audit entry ("
                                + e.getMessage()
                                + "): it was edited or inserted");
            }
        }
        for (int i = 0; i < n; i++) {
            AuditVerification v = line(lines, parsed, i);
            if (v != null) {
                return v;
            }
        }
        HeadVerifier heads = new HeadVerifier(dir, files, key, anchors);
        AuditVerification v = heads.checkpoints(parsed);
        if (v == null) v = heads.anchors(parsed);
        return v != null ? v : heads.head(parsed);
    }

    /** Checks line {@code i} (0-based); returns a finding or null. */
    private AuditVerification line(List<String> lines, List<AuditLine.Parsed> parsed, int i) {
        int n = parsed.size();
        long p = i + 1;
        AuditEntry e = parsed.get(i).entry();
        if (!parsed.get(i).hashOk()) {
            return AuditVerification.bad(
                    n, p, "entry " + p + " was edited: its content does not match its hash");
        }
        if (key != null && !e.keyId().equals(key.keyId())) {
            return AuditVerification.bad(
                    n,
                    p,
                    "entry "
                            + p
                            + " is signed with key "
                            + e.keyId()
                            + ", not the site key "
                            + key.keyId());
        }
        if (key != null && !AuditLine.verifies(e, files.trail(), key)) {
            return AuditVerification.bad(
                    n,
                    p,
                    "entry "
                            + p
                            + " does not match its site-key signature: it was written or rewritten"
                            + " without the site key");
        }
        String previous = i == 0 ? Sha256.ZERO : parsed.get(i - 1).entry().sha256();
        if (e.sequence() > p) {
            for (int q = i + 1; q < n; q++) {
                if (parsed.get(q).entry().sequence() == p) {
                    return AuditVerification.bad(
                            n,
                            p,
                            "entries were reordered: line "
                                    + p
                                    + " holds entry "
                                    + e.sequence()
                                    + " and entry "
                                    + p
                                    + " is on line "
                                    + (q + 1));
                }
            }
            return AuditVerification.bad(
                    n,
                    p,
                    "entry " + p + " was deleted: line " + p + " holds entry " + e.sequence());
        }
        if (e.sequence() < p) {
            String beforePrevious = i < 2 ? Sha256.ZERO : parsed.get(i - 2).entry().sha256();
            if (i >= 1 && e.previousSha256().equals(beforePrevious)) {
                return inserted(n, p - 1);
            }
            if (i >= 1 && lines.get(i).equals(lines.get((int) e.sequence() - 1))) {
                return AuditVerification.bad(
                        n, p, "a copy of entry " + e.sequence() + " was inserted at line " + p);
            }
            return AuditVerification.bad(
                    n,
                    p,
                    "line "
                            + p
                            + " holds entry "
                            + e.sequence()
                            + " again: an entry was inserted or moved");
        }
        if (!e.previousSha256().equals(previous)) {
            if (i >= 2 && e.previousSha256().equals(parsed.get(i - 2).entry().sha256())) {
                return inserted(n, p - 1);
            }
            if (i >= 1) {
                return AuditVerification.bad(
                        n,
                        p - 1,
                        "entry "
                                + (p - 1)
                                + " was changed after it was chained: entry "
                                + p
                                + " holds a different hash for it");
            }
            return AuditVerification.bad(
                    n, p, "entry 1 does not start the chain: an entry was inserted before it");
        }
        return null;
    }

    private static AuditVerification inserted(int n, long line) {
        return AuditVerification.bad(
                n,
                line,
                "line "
                        + line
                        + " was inserted: the entry after it is chained to the entry before it");
    }
}
