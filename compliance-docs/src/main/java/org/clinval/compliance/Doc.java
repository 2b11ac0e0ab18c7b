package org.clinval.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's content before it is written: numbered headings, paragraphs, captioned tables and
 * notes for the manufacturer to complete. Kept apart from the DOCX writing so that the content can
 * be checked (every number traced) and the writer reused by every document kind.
 */
public final class Doc {

    /** A block of the document. */
    public sealed interface Block permits Heading, Para, Table, ToComplete {}

    /** A heading; level 1 or 2, numbered by the writer. */
    public record Heading(int level, String text) implements Block {}

    /** A paragraph of running text. */
    public record Para(String text) implements Block {}

    /**
     * A table with its caption (numbered by the writer) and a header row; {@code id} names it for
     * cross-references ("see Table n").
     */
    public record Table(String id, String caption, List<String> header, List<List<String>> rows)
            implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** What the study records cannot say and the manufacturer must write, shown as such. */
    public record ToComplete(String text) implements Block {}

    private final String title;
    private final String subtitle;
    private final List<Block> blocks = new ArrayList<>();

    public Doc(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public Doc h1(String text) {
        blocks.add(new Heading(1, text));
        return this;
    }

    public Doc h2(String text) {
        blocks.add(new Heading(2, text));
        return this;
    }

    public Doc p(String text) {
        blocks.add(new Para(text));
        return this;
    }

    public Doc table(String id, String caption, List<String> header, List<List<String>> rows) {
        blocks.add(new Table(id, caption, header, rows));
        return this;
    }

    public Doc toComplete(String text) {
        blocks.add(new ToComplete(text));
        return this;
    }

    /** The number the writer gives table {@code id} (1-based), for "see Table n" in the text. */
    public int tableNumber(String id) {
        int n = 0;
        for (Block b : blocks) {
            if (b instanceof Table t) {
                n++;
                if (t.id().equals(id)) return n;
            }
        }
        throw new IllegalArgumentException("no table " + id);
    }
}
