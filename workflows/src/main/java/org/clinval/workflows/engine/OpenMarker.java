package org.clinval.workflows.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Who has a run folder's study open: an operating-system lock held while a program works on the
 * study (released by the system however the program ends, {@code kill -9} included), and a marker
 * file removed only when the program closes the study properly. A marker found without its lock
 * means the last program stopped in the middle — the study then resumes at once, and the
 * interruption is recorded, instead of waiting for the process engine's job locks to expire.
 */
public final class OpenMarker implements AutoCloseable {

    /** The marker's folder in a run folder (next to the engine's database, never archived). */
    public static final String DIR = "engine";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path marker;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<JsonNode> interrupted;

    private OpenMarker(
            Path marker, FileChannel channel, FileLock lock, Optional<JsonNode> interrupted) {
        this.marker = marker;
        this.channel = channel;
        this.lock = lock;
        this.interrupted = interrupted;
    }

    /**
     * Takes the run folder for this program.
     *
     * @throws IllegalStateException if another live program has the study open
     */
    public static OpenMarker take(Path runDir) throws IOException {
        Path dir = Files.createDirectories(runDir.resolve(DIR));
        Path marker = dir.resolve("open.json");
        FileChannel ch =
                FileChannel.open(
                        dir.resolve("open.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            String who = Files.exists(marker) ? " (" + describe(read(marker)) + ")" : "";
            throw new IllegalStateException(
                    "the study in "
                            + runDir
                            + " is open in another program"
                            + who
                            + "; wait for it to finish");
        }
        Optional<JsonNode> previous =
                Files.exists(marker) ? Optional.of(read(marker)) : Optional.empty();
        ObjectNode o = JSON.createObjectNode();
        o.put("pid", ProcessHandle.current().pid());
        o.put("since", Instant.now().toString());
        Files.writeString(marker, JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
        return new OpenMarker(marker, ch, lock, previous);
    }

    /** Returns the marker of a program that stopped without closing the study, if one did. */
    public Optional<String> interrupted() {
        return interrupted.map(OpenMarker::describe);
    }

    private static String describe(JsonNode n) {
        return "process " + n.path("pid").asText("?") + " since " + n.path("since").asText("?");
    }

    private static JsonNode read(Path marker) {
        try {
            return JSON.readTree(marker.toFile());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(marker);
        lock.release();
        channel.close();
    }
}
