package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinval.common.Quote;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Turns YAML text into a JSON tree, recording the line and column of every key and value. SnakeYAML
 * composes the nodes (no object is constructed from a tag); plain scalars are typed by the YAML 1.2
 * core schema ({@link CoreSchema}) and turned into numbers and booleans by SnakeYAML's safe
 * constructors.
 */
final class TreeBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<Tag> SCALARS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

    private final YamlDocument doc;
    private final Scalars scalars;
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean unreadable;

    TreeBuilder(YamlDocument doc) {
        this.doc = doc;
        this.scalars = new Scalars(options());
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setCodePointLimit(YamlDocument.MAX_BYTES);
        o.setMaxAliasesForCollections(20);
        o.setAllowRecursiveKeys(false);
        return o;
    }

    /** Returns the tree, or null when the text is not YAML this reader accepts. */
    JsonNode build(String text) {
        Node top;
        try {
            LoaderOptions o = options();
            DumperOptions d = new DumperOptions();
            top =
                    new Yaml(new SafeConstructor(o), new Representer(d), d, o, new CoreSchema())
                            .compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            String at =
                    m == null
                            ? ""
                            : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
            doc.problem("", "is not valid YAML" + at + ": " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            doc.problem("", "is not valid YAML: " + e.getMessage().replace('\n', ' '));
            return null;
        }
        if (top == null) {
            doc.problem("", "is empty");
            return null;
        }
        JsonNode tree = convert(top, "");
        return unreadable ? null : tree;
    }

    private JsonNode convert(Node n, String path) {
        Mark m = n.getStartMark();
        doc.valueAt(path, m.getLine() + 1, m.getColumn() + 1);
        if (!open.add(n)) {
            refuse(path, "refers to itself through an alias; write the value out");
            return JSON.nullNode();
        }
        try {
            if (n instanceof ScalarNode s) return scalar(s, path);
            if (n instanceof SequenceNode s) return sequence(s, path);
            return mapping((MappingNode) n, path);
        } finally {
            open.remove(n);
        }
    }

    private JsonNode scalar(ScalarNode s, String path) {
        if (!SCALARS.contains(s.getTag())) {
            return refuseTag(s, path);
        }
        Object v;
        try {
            v = scalars.construct(s);
        } catch (YAMLException e) {
            doc.problem(path, Quote.value(s.getValue()) + " is not " + kind(s.getTag()));
            return JSON.textNode(s.getValue());
        }
        if (v == null) return JSON.nullNode();
        if (v instanceof Boolean b) return JSON.booleanNode(b);
        if (v instanceof Integer i) return JSON.numberNode(i);
        if (v instanceof Long l) return JSON.numberNode(l);
        if (v instanceof BigInteger b) return JSON.numberNode(b);
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                doc.problem(path, Quote.value(s.getValue()) + " is not a finite number");
                return JSON.textNode(s.getValue());
            }
            return JSON.numberNode(d);
        }
        // text, and timestamps as written
        return JSON.textNode(v instanceof String t ? t : s.getValue());
    }

    private static String kind(Tag tag) {
        return tag.equals(Tag.INT)
                ? "a whole number"
                : tag.equals(Tag.FLOAT) ? "a number" : tag.getValue();
    }

    private JsonNode sequence(SequenceNode s, String path) {
        if (!s.getTag().equals(Tag.SEQ)) {
            return refuseTag(s, path);
        }
        ArrayNode a = JSON.arrayNode();
        List<Node> items = s.getValue();
        for (int i = 0; i < items.size(); i++) {
            a.add(convert(items.get(i), YamlDocument.element(path, i)));
        }
        return a;
    }

    private JsonNode mapping(MappingNode map, String path) {
        if (!map.getTag().equals(Tag.MAP)) {
            return refuseTag(map, path);
        }
        ObjectNode o = JSON.objectNode();
        Map<String, Mark> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            Mark km = k.getStartMark();
            if (k.getTag().equals(Tag.MERGE)) {
                refuse(path, km, "has a merge key (<<); write the keys out");
                continue;
            }
            if (!(k instanceof ScalarNode ks) || !SCALARS.contains(k.getTag())) {
                refuse(path, km, "has a key that is not plain text");
                continue;
            }
            String key = ks.getValue();
            String child = YamlDocument.child(path, key);
            Mark first = seen.putIfAbsent(key, km);
            if (first != null) {
                refuse(
                        child,
                        km,
                        "is a duplicate key; the first is at line "
                                + (first.getLine() + 1)
                                + ", column "
                                + (first.getColumn() + 1));
                continue;
            }
            doc.keyAt(child, km.getLine() + 1, km.getColumn() + 1);
            o.set(key, convert(t.getValueNode(), child));
        }
        return o;
    }

    private JsonNode refuseTag(Node n, String path) {
        refuse(
                path,
                "has the tag "
                        + n.getTag().getValue()
                        + ": only plain YAML is read (no tags that construct objects)");
        return JSON.nullNode();
    }

    private void refuse(String path, String what) {
        unreadable = true;
        doc.problem(path, what);
    }

    private void refuse(String path, Mark at, String what) {
        unreadable = true;
        doc.problem(path, at.getLine() + 1, at.getColumn() + 1, what);
    }

    /** SnakeYAML's safe scalar constructors, and only those. */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode s) {
            return constructObject(s);
        }
    }
}
