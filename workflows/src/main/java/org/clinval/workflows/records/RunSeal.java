package org.clinval.workflows.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.SignedPayload;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.local.ZipArchiveService;

/**
 * The seal of a finished run, written when the study ends: {@value #MANIFEST} (in the format of
 * {@code sha256sum}, names relative to the run folder) lists <em>every</em> file of the run folder
 * (inputs as locked, protocol copy, case results, quarantine, metrics, reports, workbooks, Cucumber
 * output, acceptance outcome, signatures, deviation record, audit trail files, archive and its
 * manifest) except the engine's database folder {@value ZipArchiveService#ENGINE}{@code /} (the
 * process engine's state, open while the study runs and not a record: what it holds is in the
 * trail) and the seal's own two files. {@value #FILE} signs, with the site key, the manifest's
 * SHA-256 together with the audit head at sealing:
 *
 * <pre>
 * {"format": "clinval-run-seal/1", "manifest": "run-manifest.sha256", "manifest_sha256": …,
 *  "files": n, "audit_entries": n, "audit_sha256": …, "time": …, "key_id": …, "signature": …}
 * </pre>
 *
 * The signature is over {@code ["clinval-run-seal/1", manifest, manifest_sha256, files,
 * audit_entries, audit_sha256, time, key_id]} (see {@link SignedPayload}). After the seal, a file
 * changed, deleted or added, or an entry appended to the trail, fails verification.
 */
public final class RunSeal {

    /** The manifest of the sealed run. */
    public static final String MANIFEST = "run-manifest.sha256";

    /** The signed seal record. */
    public static final String FILE = "run-seal.json";

    /** The kind of record signed. */
    public static final String KIND = "clinval-run-seal/1";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSeal() {}

    /**
     * A seal record.
     *
     * @param manifestSha256 SHA-256 of {@value #MANIFEST}
     * @param files files it lists
     * @param audit the audit head at sealing
     * @param time when the run was sealed
     * @param keyId the signing key's id
     * @param signature the site key's signature
     */
    public record Seal(
            String manifestSha256,
            long files,
            AuditTrail.Head audit,
            String time,
            String keyId,
            String signature) {

        String payload() {
            return SignedPayload.of(
                    KIND,
                    MANIFEST,
                    manifestSha256,
                    files,
                    audit.entries(),
                    audit.sha256(),
                    time,
                    keyId);
        }

        /** Returns whether the record carries {@code key}'s signature of its fields. */
        public boolean verifies(PublicSiteKey key) {
            return key.verify(payload(), signature);
        }
    }

    /** Returns whether the file {@code name} (relative to the run folder) is outside the seal. */
    public static boolean excluded(String name) {
        return name.equals(MANIFEST)
                || name.equals(FILE)
                || name.startsWith(ZipArchiveService.ENGINE + "/")
                || ZipArchiveService.isLibraryLog(name);
    }

    /** Returns the manifest of the run folder's files as they are now. */
    public static ChecksumManifest contents(Path runDir) throws IOException {
        return ChecksumManifest.of(runDir, RunSeal::excluded);
    }

    /**
     * Seals the run folder: writes {@value #MANIFEST} and the signed {@value #FILE}.
     *
     * @throws IOException if the run is sealed already or a file cannot be read
     */
    public static Seal write(Path runDir, SiteKey key, Clock clock) throws IOException {
        Path dir = runDir.toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(FILE))) {
            throw new IOException("the run " + dir + " is sealed already (" + FILE + ")");
        }
        ChecksumManifest m = contents(dir);
        String sha = m.write(dir.resolve(MANIFEST));
        AuditTrail.Head head = AuditTrail.in(dir).head();
        String time = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        Seal unsigned = new Seal(sha, m.entries().size(), head, time, key.keyId(), "");
        Seal s =
                new Seal(
                        sha,
                        unsigned.files(),
                        head,
                        time,
                        key.keyId(),
                        key.sign(unsigned.payload()));
        ObjectNode o = JSON.createObjectNode();
        o.put("format", KIND);
        o.put("manifest", MANIFEST);
        o.put("manifest_sha256", s.manifestSha256());
        o.put("files", s.files());
        o.put("audit_entries", head.entries());
        o.put("audit_sha256", head.sha256());
        o.put("time", time);
        o.put("key_id", s.keyId());
        o.put("signature", s.signature());
        Files.writeString(
                dir.resolve(FILE), JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
        return s;
    }

    /**
     * Reads the seal of {@code runDir}, if it has one.
     *
     * @throws IllegalArgumentException if {@value #FILE} is not a seal record, saying why
     */
    public static Optional<Seal> read(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(f.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON");
        }
        if (!KIND.equals(n.path("format").asText())) {
            throw new IllegalArgumentException("its format is not " + KIND);
        }
        for (String k : new String[] {"files", "audit_entries"}) {
            if (!n.path(k).canConvertToLong()) {
                throw new IllegalArgumentException("it has no \"" + k + "\"");
            }
        }
        return Optional.of(
                new Seal(
                        n.path("manifest_sha256").asText(""),
                        n.get("files").asLong(),
                        new AuditTrail.Head(
                                n.get("audit_entries").asLong(), n.path("audit_sha256").asText("")),
                        n.path("time").asText(""),
                        n.path("key_id").asText(""),
                        n.path("signature").asText("")));
    }
}
