package org.clinval.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clinval.common.Sha256;

/**
 * The folders the server shows, found under its home folder: study run folders (a {@code
 * study.json} beside a {@code metrics.json}) and surveillance output folders (a {@code windows.csv}
 * beside a {@code baseline.json}). Looked up again on every request, so a run that ends while the
 * server runs appears without a restart.
 *
 * <p>Each folder is named to the browser by an opaque id, the first 16 hex digits of the SHA-256 of
 * its path relative to the home folder: folder names can carry a patient's name or an accession
 * number (a case folder's name once leaked into every output), so they never reach a page.
 *
 * <p>A look-up is reused for {@link #FRESH} so that many pages polling at once do not each walk the
 * folder tree (a study's de-identified images alone are hundreds of files).
 */
final class Workspace {

    /** How deep below the home folder runs and surveillance folders are looked for. */
    static final int DEPTH = 4;

    /** A folder found. */
    record Found(String id, Path dir) {}

    /** How long a look-up is reused. */
    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(2);

    private final Path home;
    private final java.util.Map<String, Cached> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(long at, List<Found> found) {}

    Workspace(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    Path home() {
        return home;
    }

    List<Found> runs() {
        return find("study.json", "metrics.json");
    }

    List<Found> surveillance() {
        return find("windows.csv", "baseline.json");
    }

    /** Study run folders, with results or not yet (waiting for approval, running). */
    List<Found> studies() {
        return find("study.json", "study.json");
    }

    Optional<Found> study(String id) {
        return studies().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    Optional<Found> run(String id) {
        return runs().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    Optional<Found> surveillance(String id) {
        return surveillance().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private List<Found> find(String marker, String beside) {
        long now = System.nanoTime();
        String key = marker + "/" + beside;
        Cached c = cache.get(key);
        if (c != null && now - c.at() < FRESH.toNanos()) return c.found();
        List<Found> found = walk(marker, beside);
        cache.put(key, new Cached(now, found));
        return found;
    }

    private List<Found> walk(String marker, String beside) {
        List<Found> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(home, DEPTH)) {
            s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(marker))
                    .map(Path::getParent)
                    .filter(d -> Files.isRegularFile(d.resolve(beside)))
                    .sorted()
                    .forEach(d -> out.add(new Found(id(d), d)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private String id(Path dir) {
        String rel = home.relativize(dir).toString().replace(java.io.File.separatorChar, '/');
        return Sha256.ofText(rel).substring(0, 16);
    }
}
