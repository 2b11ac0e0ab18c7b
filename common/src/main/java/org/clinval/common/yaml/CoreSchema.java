package org.clinval.common.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * How plain scalars are typed: the YAML 1.2 core schema, not SnakeYAML's YAML 1.1 default. Only
 * {@code true} and {@code false} are booleans, so {@code no} stays the text "no" (a definition
 * written {@code unacceptable: no} must not become "false"); {@code 010} and {@code 12:30} stay
 * text rather than becoming the octal 8 and the sexagesimal 750; a date stays text as written.
 */
final class CoreSchema extends Resolver {

    private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern INT =
            Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+)$");
    private static final Pattern FLOAT =
            Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "tfTF");
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, Resolver.MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
    }
}
