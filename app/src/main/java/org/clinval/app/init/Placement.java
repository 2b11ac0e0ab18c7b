package org.clinval.app.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a drafted protocol names a file or folder: relative to the study folder when it lies inside
 * it (symbolic links resolved, as the protocol's reader resolves them), else by its absolute path,
 * with a folder that holds it added to the protocol's {@code allowed_roots}.
 */
final class Placement {

    private final Path study;
    private final List<Path> roots = new ArrayList<>();

    /** {@code study}: the study folder's real path. */
    Placement(Path study) {
        this.study = study;
    }

    /** Returns whether {@code p} lies outside the study folder. */
    boolean outside(Path p) {
        return !real(p).startsWith(study);
    }

    /**
     * Returns how the protocol names {@code p}; a folder outside the study is allowed itself, a
     * file outside it through its parent folder.
     */
    String place(Path p, boolean folder) {
        Path r = real(p);
        if (r.startsWith(study)) {
            String rel = study.relativize(r).toString();
            return rel.isEmpty() ? "." : rel;
        }
        Path abs = p.toAbsolutePath().normalize();
        Path root = folder ? abs : abs.getParent();
        if (roots.stream().noneMatch(x -> real(root).startsWith(real(x)))) {
            roots.removeIf(x -> real(x).startsWith(real(root)));
            roots.add(root);
        }
        return abs.toString();
    }

    /** Returns the folders {@link #place} allowed, in the order they were first needed. */
    List<String> roots() {
        return roots.stream().map(Path::toString).toList();
    }

    /**
     * Returns the real path of {@code p}: of its longest existing ancestor, with the rest appended
     * (a study folder need not exist yet).
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
