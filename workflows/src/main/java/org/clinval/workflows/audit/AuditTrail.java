package org.clinval.workflows.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SecretFile;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.files.ChecksumManifest;

/**
 * The append-only audit trail of one study run: {@code audit-trail.jsonl} in the run folder, one
 * JSON entry per line (see {@link AuditEntry}), each carrying the SHA-256 of the entry before it
 * and the site key's signature of its own hash.
 *
 * <p><b>Anchoring the head.</b> A hash chain shows an edit, an insertion, a reordering or the
 * deletion of any entry that has a successor; it cannot show the deletion of the last entries,
 * because the shortened chain is still a valid chain. So every append also rewrites {@code
 * audit-head.json} with the entry count and the hash of the last entry, every electronic signature
 * (and the archive) records a checkpoint of the head in {@code audit-checkpoints.jsonl}, and the
 * run's seal records the head at the end. Heads, checkpoints and entries are signed with the site
 * key, which never lives in a run folder: rewriting an entry and recomputing the chain, the head
 * and the checkpoints needs the private key, so a forger without it is found. What the key cannot
 * show is a rollback to an earlier, complete, signed state of the folder (see {@code
 * org.clinval.common.sitekey}).
 *
 * <p>Appends are serialised within the process and locked against other processes. A record is
 * written and forced to disk before the head is replaced (atomically), so a crash between the two
 * leaves a trail one entry ahead of its head, which {@link #verify} reports.
 *
 * <p>A trail opened without a key ({@link #in(Path)}) can be read, not written.
 */
public final class AuditTrail {

    /** The trail's file name in a run folder. */
    public static final String FILE = TrailFiles.RUN.trail();

    /** The head record's file name. */
    public static final String HEAD = TrailFiles.RUN.head();

    /** The file of head checkpoints taken at signatures and at archiving. */
    public static final String CHECKPOINTS = TrailFiles.RUN.checkpoints();

    /** The user of automatic steps. */
    public static final String SYSTEM = "system";

    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final TrailFiles files;
    private final Clock clock;
    private final SiteKey key;
    private final boolean ownerOnly;

    private AuditTrail(Path dir, TrailFiles files, Clock clock, SiteKey key, boolean ownerOnly) {
        this.dir = dir.toAbsolutePath().normalize();
        this.files = files;
        this.clock = clock;
        this.key = key;
        this.ownerOnly = ownerOnly;
    }

    /** Returns the trail of the run folder {@code dir}, to read only. */
    public static AuditTrail in(Path dir) {
        return new AuditTrail(dir, TrailFiles.RUN, Clock.systemUTC(), null, false);
    }

    /** Returns the trail of the run folder {@code dir}, signed with {@code key}. */
    public static AuditTrail in(Path dir, SiteKey key) {
        return in(dir, key, Clock.systemUTC());
    }

    /** Returns the trail of {@code dir}, signed with {@code key} and timed by {@code clock}. */
    public static AuditTrail in(Path dir, SiteKey key, Clock clock) {
        return new AuditTrail(dir, TrailFiles.RUN, clock, requireKey(key), false);
    }

    /**
     * Returns a log kept like a trail in {@code dir} under other file names, written with mode 600
     * (e.g. the user administration log); {@code key} may be null to read only.
     */
    public static AuditTrail log(Path dir, TrailFiles files, SiteKey key, Clock clock) {
        return new AuditTrail(dir, files, clock, key, true);
    }

    /**
     * Returns a trail kept in {@code dir} under other file names, written with the default file
     * mode (e.g. a dataset's reuse ledger, which holds no secret); {@code key} may be null to read
     * only.
     */
    public static AuditTrail at(Path dir, TrailFiles files, SiteKey key, Clock clock) {
        return new AuditTrail(dir, files, clock, key, false);
    }

    private static SiteKey requireKey(SiteKey key) {
        if (key == null) {
            throw new IllegalArgumentException("an audit trail is written with the site key");
        }
        return key;
    }

    /** The number of entries and the hash of the last one ({@link Sha256#ZERO} when empty). */
    public record Head(long entries, String sha256) {}

    /**
     * A signed statement of the head kept elsewhere (e.g. in the run's seal) that the trail must
     * match: it may not end before it, differ at it or, with {@code last}, go on after it.
     *
     * @param by who recorded it, in words ("the run seal")
     * @param head the head it recorded
     * @param last whether no entry may follow it
     */
    public record Anchor(String by, Head head, boolean last) {}

    /** Returns the folder of the trail. */
    public Path dir() {
        return dir;
    }

    /** Returns the file names of the trail. */
    public TrailFiles files() {
        return files;
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
    public AuditEntry record(
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256) {
        return record(user, action, object, reason, objectSha256, Map.of());
    }

    /**
     * Appends an entry with further named values ({@link AuditEntry#details}), hashed and signed
     * with the rest, and returns it.
     */
    @SuppressWarnings("try") // the file lock is held, not used, inside the block
    public AuditEntry record(
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256,
            Map<String, String> details) {
        requireText("user", user);
        requireText("action", action);
        requireText("object", object);
        writable();
        synchronized (lock()) {
            try {
                Path file = dir.resolve(files.trail());
                create(file);
                try (FileChannel ch =
                                FileChannel.open(
                                        file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                        FileLock lock = ch.lock()) {
                    Head last = lastOfFile();
                    AuditEntry e =
                            AuditLine.create(
                                    files.trail(),
                                    key,
                                    last.entries() + 1,
                                    now(),
                                    user,
                                    action,
                                    object,
                                    reason == null ? "" : reason,
                                    objectSha256,
                                    last.sha256(),
                                    details);
                    ch.write(
                            ByteBuffer.wrap(
                                    (AuditLine.text(e) + "\n").getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                    writeHead(new Head(e.sequence(), e.sha256()), e.time());
                    return e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot append to " + files.trail() + " in " + dir, e);
            }
        }
    }

    /**
     * Records the current head, signed, in the checkpoints file, e.g. when a signature binds the
     * record, and returns it.
     */
    public Head checkpoint(String by) {
        writable();
        synchronized (lock()) {
            try {
                Head h = lastOfFile();
                Path file = dir.resolve(files.checkpoints());
                create(file);
                Files.writeString(
                        file,
                        HeadRecord.checkpoint(files.trail(), h, by, now(), key) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                return h;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot write a checkpoint of " + files.trail() + " in " + dir, e);
            }
        }
    }

    /** Returns the head as the trail file shows it (the last line). */
    public Head head() {
        synchronized (lock()) {
            try {
                return lastOfFile();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + files.trail() + " in " + dir, e);
            }
        }
    }

    /**
     * Returns every entry, in order.
     *
     * @throws IllegalArgumentException if a line is not an entry; use {@link #verify} first
     */
    public List<AuditEntry> entries() throws IOException {
        Path f = dir.resolve(files.trail());
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
     * Checks the structure of the trail of run folder {@code dir} (chain, head, checkpoints) and
     * names the first entry that was edited, deleted, inserted or reordered. Without a key this
     * cannot tell a forgery whose hashes were recomputed: use {@link #verify(Path, PublicSiteKey)}.
     */
    public static AuditVerification verify(Path dir) throws IOException {
        return new AuditVerifier(dir.toAbsolutePath().normalize(), TrailFiles.RUN, null, List.of())
                .verify();
    }

    /** Checks the trail of run folder {@code dir}, with every signature, against {@code key}. */
    public static AuditVerification verify(Path dir, PublicSiteKey key) throws IOException {
        return verify(dir, TrailFiles.RUN, key, List.of());
    }

    /**
     * Checks the trail {@code files} in {@code dir}: structure, and with a key every entry, head
     * and checkpoint signature; the trail must also match each of {@code anchors}.
     */
    public static AuditVerification verify(
            Path dir, TrailFiles files, PublicSiteKey key, List<Anchor> anchors)
            throws IOException {
        return new AuditVerifier(dir.toAbsolutePath().normalize(), files, key, anchors).verify();
    }

    private Object lock() {
        return LOCKS.computeIfAbsent(dir.resolve(files.trail()), k -> new Object());
    }

    private void writable() {
        if (key == null) {
            throw new IllegalStateException(
                    files.trail()
                            + " in "
                            + dir
                            + " was opened without the site key: it can be read, not written");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void create(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (ownerOnly) {
                SecretFile.createDirectories(dir);
                SecretFile.create(file);
            } else {
                Files.createDirectories(dir);
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it first: append to theirs
        }
    }

    private Head lastOfFile() throws IOException {
        Path f = dir.resolve(files.trail());
        if (!Files.exists(f) || Files.size(f) == 0) {
            return new Head(0, Sha256.ZERO);
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        AuditEntry last = AuditLine.parse(lines.get(lines.size() - 1)).entry();
        return new Head(last.sequence(), last.sha256());
    }

    private void writeHead(Head h, Instant time) throws IOException {
        byte[] text =
                (HeadRecord.head(files.trail(), h, time, key) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
        if (ownerOnly) {
            SecretFile.write(dir.resolve(files.head()), text, false);
            return;
        }
        Path tmp = dir.resolve(files.head() + ".tmp");
        Files.write(tmp, text);
        Files.move(
                tmp,
                dir.resolve(files.head()),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit " + name + " is empty: '" + value + "'");
        }
    }
}
