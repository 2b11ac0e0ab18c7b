package org.clinval.workflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.clinval.common.Sha256;
import org.clinval.workflows.files.ChecksumManifest;

/**
 * The append-only audit trail of one study run: {@code audit-trail.jsonl} in the run folder, one
 * JSON entry per line (see {@link AuditEntry}), each carrying the SHA-256 of the entry before it.
 *
 * <p><b>Anchoring the head.</b> A hash chain shows an edit, an insertion, a reordering or the
 * deletion of any entry that has a successor; it cannot show the deletion of the last entries,
 * because the shortened chain is still a valid chain. So every append also rewrites {@code
 * audit-head.json} with the entry count and the hash of the last entry, and every electronic
 * signature (and the archive) records a checkpoint of the head in {@code audit-checkpoints.jsonl}.
 * {@link #verify} compares the chain with both: removing the last line is found because the head
 * still names one entry more. An adversary who can rewrite the trail, the head and the checkpoints
 * together can forge a shorter history; the defence then is the archived copy, whose manifest holds
 * the trail's hash, and a signature record kept outside the run folder. This is the limit of an
 * unkeyed hash chain and is stated, not hidden.
 *
 * <p>Appends are serialised within the process and locked against other processes. A record is
 * written and forced to disk before the head is replaced (atomically), so a crash between the two
 * leaves a trail one entry ahead of its head, which {@link #verify} reports.
 */
public final class AuditTrail {

    /** The trail's file name in a run folder. */
    public static final String FILE = "audit-trail.jsonl";

    /** The head record's file name. */
    public static final String HEAD = "audit-head.json";

    /** The file of head checkpoints taken at signatures and at archiving. */
    public static final String CHECKPOINTS = "audit-checkpoints.jsonl";

    /** The user of automatic steps. */
    public static final String SYSTEM = "system";

    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Clock clock;

    private AuditTrail(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Returns the trail of the run folder {@code dir}. */
    public static AuditTrail in(Path dir) {
        return new AuditTrail(dir, Clock.systemUTC());
    }

    /** Returns the trail of {@code dir}, timed by {@code clock}. */
    public static AuditTrail in(Path dir, Clock clock) {
        return new AuditTrail(dir, clock);
    }

    /** The number of entries and the hash of the last one ({@link Sha256#ZERO} when empty). */
    public record Head(long entries, String sha256) {}

    /** Returns the folder of the trail. */
    public Path dir() {
        return dir;
    }

    /**
     * Appends an entry about a file in (or outside) the run folder, with the file's SHA-256. The
     * object is named relative to the run folder when it lies inside it.
     */
    public AuditEntry recordFile(String user, String action, Path file, String reason) {
        try {
            Path f = file.toAbsolutePath().normalize();
            String name = f.startsWith(dir) ? ChecksumManifest.name(dir, f) : f.toString();
            return record(user, action, name, reason, Optional.of(Sha256.of(f)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file + " for the audit trail", e);
        }
    }

    /** Appends an entry and returns it. */
    @SuppressWarnings("try") // the file lock is held, not used, inside the block
    public AuditEntry record(
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256) {
        requireText("user", user);
        requireText("action", action);
        requireText("object", object);
        synchronized (LOCKS.computeIfAbsent(dir, k -> new Object())) {
            try {
                Files.createDirectories(dir);
                try (FileChannel ch =
                                FileChannel.open(
                                        dir.resolve(FILE),
                                        StandardOpenOption.CREATE,
                                        StandardOpenOption.WRITE,
                                        StandardOpenOption.APPEND);
                        FileLock lock = ch.lock()) {
                    Head last = lastOfFile();
                    AuditEntry e =
                            AuditLine.create(
                                    last.entries() + 1,
                                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                                    user,
                                    action,
                                    object,
                                    reason == null ? "" : reason,
                                    objectSha256,
                                    last.sha256());
                    ch.write(
                            ByteBuffer.wrap(
                                    (AuditLine.text(e) + "\n").getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                    writeHead(new Head(e.sequence(), e.sha256()), e.time());
                    return e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the audit trail in " + dir, e);
            }
        }
    }

    /**
     * Records the current head in {@code audit-checkpoints.jsonl}, e.g. when a signature binds the
     * record, and returns it.
     */
    public Head checkpoint(String by) {
        synchronized (LOCKS.computeIfAbsent(dir, k -> new Object())) {
            try {
                Head h = lastOfFile();
                ObjectNode o = AuditLine.JSON.createObjectNode();
                o.put("entries", h.entries());
                o.put("sha256", h.sha256());
                o.put("by", by);
                o.put("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
                Files.writeString(
                        dir.resolve(CHECKPOINTS),
                        AuditLine.JSON.writeValueAsString(o) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                return h;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write an audit checkpoint in " + dir, e);
            }
        }
    }

    /** Returns the head as the trail file shows it (the last line). */
    public Head head() {
        synchronized (LOCKS.computeIfAbsent(dir, k -> new Object())) {
            try {
                return lastOfFile();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit trail in " + dir, e);
            }
        }
    }

    /**
     * Returns every entry, in order.
     *
     * @throws IllegalStateException if a line is not an entry; use {@link #verify} first
     */
    public List<AuditEntry> entries() throws IOException {
        Path f = dir.resolve(FILE);
        List<AuditEntry> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            out.add(AuditLine.parse(line).entry());
        }
        return out;
    }

    /**
     * Checks the trail of run folder {@code dir} and names the first entry that was edited,
     * deleted, inserted or reordered; see {@link AuditTrail} for what the head anchors.
     */
    public static AuditVerification verify(Path dir) throws IOException {
        return new AuditVerifier(dir.toAbsolutePath().normalize()).verify();
    }

    private Head lastOfFile() throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f) || Files.size(f) == 0) {
            return new Head(0, Sha256.ZERO);
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        AuditEntry last = AuditLine.parse(lines.get(lines.size() - 1)).entry();
        return new Head(last.sequence(), last.sha256());
    }

    private void writeHead(Head h, Instant time) throws IOException {
        ObjectNode o = AuditLine.JSON.createObjectNode();
        o.put("entries", h.entries());
        o.put("sha256", h.sha256());
        o.put("time", time.toString());
        Path tmp = dir.resolve(HEAD + ".tmp");
        Files.writeString(tmp, AuditLine.JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
        Files.move(
                tmp,
                dir.resolve(HEAD),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a head record ({@code entries}, {@code sha256}) from a JSON object. */
    static Head head(JsonNode n) {
        if (!n.path("entries").canConvertToLong() || !n.path("sha256").isTextual()) {
            throw new IllegalArgumentException("it has no \"entries\" and \"sha256\"");
        }
        return new Head(n.get("entries").asLong(), n.get("sha256").asText());
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit " + name + " is empty: '" + value + "'");
        }
    }
}
