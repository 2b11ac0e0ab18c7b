package org.clinval.common.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinval.common.Quote;

/**
 * Takes values on very long lines out before SnakeYAML reads the text: its reader copies what it
 * has buffered for every 1,024 characters of a token, so a 5 MB value takes half a minute, and a
 * file is no place for such a value anyway. The value is replaced by {@code null} and reported,
 * quoted short, at the path the parse gives that line.
 */
final class LongValues {

    /** The longest line read as it is. */
    static final int MAX_LINE = 1 << 16;

    private static final Pattern KEY_OR_ITEM =
            Pattern.compile("^(\\s*(?:-\\s+)*(?:[^\\s#'\"{\\[][^:#]*?:\\s+)?)(\\S.*)$");

    private final List<int[]> cut = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** Returns {@code text} with the value of every line longer than {@link #MAX_LINE} replaced. */
    String cut(String text) {
        if (text.length() <= MAX_LINE) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() <= MAX_LINE) continue;
            Matcher m = KEY_OR_ITEM.matcher(lines[i]);
            String prefix = m.matches() ? m.group(1) : "";
            String value = m.matches() ? m.group(2) : lines[i];
            cut.add(new int[] {i + 1, prefix.length() + 1});
            values.add(unquote(value.strip()));
            lines[i] = prefix + "null";
            changed = true;
        }
        return changed ? String.join("\n", lines) : text;
    }

    /** Records a problem for every value taken out, at the path the parse gave its line. */
    void report(YamlDocument doc) {
        for (int i = 0; i < cut.size(); i++) {
            int line = cut.get(i)[0];
            int column = cut.get(i)[1];
            doc.problem(
                    doc.pathAt(line, column),
                    line,
                    column,
                    Quote.value(values.get(i))
                            + " is too long: a value is at most "
                            + MAX_LINE
                            + " characters");
        }
    }

    private static String unquote(String v) {
        boolean quoted =
                v.length() >= 2
                        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                        && v.charAt(v.length() - 1) == v.charAt(0);
        return quoted ? v.substring(1, v.length() - 1) : v;
    }
}
