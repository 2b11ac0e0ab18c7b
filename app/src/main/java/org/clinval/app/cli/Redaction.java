package org.clinval.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of error messages. Picocli echoes unmatched and invalid arguments, so {@code
 * clinval user add bob --password hunter2} would print the password; every message printed is
 * passed through {@link #apply} first. A secret is the value of any option whose name contains
 * {@code pass} (any case; {@code --password hunter2} or {@code --password=hunter2}), and any
 * argument that follows such a value before the next option — except options naming a file that
 * holds the secret ({@code --password-file F}, {@code --key-passphrase-file F}): a path is not the
 * secret, and a message about the file must name it.
 */
public final class Redaction {

    /** What a redacted value is shown as. */
    public static final String MASK = "(redacted)";

    private final List<Pattern> secrets;

    private Redaction(List<Pattern> secrets) {
        this.secrets = secrets;
    }

    /** Returns the redaction of the secrets in {@code args}. */
    public static Redaction of(String[] args) {
        List<String> values = new ArrayList<>();
        boolean afterSecret = false;
        boolean afterFile = false;
        for (String a : args) {
            if (a.startsWith("-")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                String lower = name.toLowerCase(Locale.ROOT);
                boolean secret = lower.contains("pass");
                boolean file = secret && lower.endsWith("-file");
                if (secret && eq >= 0 && !(file && exists(a.substring(eq + 1)))) {
                    values.add(a.substring(eq + 1));
                }
                afterSecret = secret && eq < 0;
                afterFile = file;
                continue;
            }
            if (afterSecret && !(afterFile && exists(a))) values.add(a);
        }
        List<Pattern> patterns = new ArrayList<>();
        values.stream()
                .filter(v -> !v.isEmpty())
                .distinct()
                // The longest first, so that a secret holding another is masked whole.
                .sorted((x, y) -> y.length() - x.length())
                .forEach(
                        v ->
                                patterns.add(
                                        Pattern.compile(
                                                "(?<![\\p{L}\\p{N}])"
                                                        + Pattern.quote(v)
                                                        + "(?![\\p{L}\\p{N}])")));
        return new Redaction(List.copyOf(patterns));
    }

    private static boolean exists(String path) {
        try {
            return java.nio.file.Files.exists(java.nio.file.Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Returns {@code message} with every secret replaced by {@value #MASK}. */
    public String apply(String message) {
        if (message == null) return null;
        String out = message;
        for (Pattern p : secrets) {
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return out;
    }
}
