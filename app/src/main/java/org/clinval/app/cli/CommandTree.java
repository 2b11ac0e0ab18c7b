package org.clinval.app.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds a picocli command line along the words of one command line: of each command's {@link
 * Subcommands}, only the one the next word names is built, so {@code clinval stats binary} builds
 * neither {@code stats roc} nor {@code study}. When the next word names none of them (the help, an
 * option, a missing or mistyped subcommand), every subcommand below is built, so picocli's help and
 * its "did you mean" messages see the whole tree.
 */
public final class CommandTree {

    private CommandTree() {}

    /**
     * Returns the command line of {@code command} with its subcommands built along {@code args}.
     */
    public static CommandLine of(Object command, String[] args) {
        CommandLine line = new CommandLine(command);
        addSubcommands(line, args, 0);
        return line;
    }

    /**
     * Adds the {@link Subcommands} of {@code parent}'s command: the one {@code args[from]} names
     * (after any {@code --debug}), built along the words after it, or all of them, each whole.
     */
    public static void addSubcommands(CommandLine parent, String[] args, int from) {
        List<Class<?>> children = subcommands(parent.getCommandSpec().userObject().getClass());
        if (children.isEmpty()) return;
        int i = from;
        while (i < args.length && args[i].equals("--debug")) i++;
        Class<?> named = i < args.length ? named(children, args[i]) : null;
        if (named != null) {
            add(parent, named, args, i + 1);
        } else {
            for (Class<?> c : children) add(parent, c, args, args.length);
        }
    }

    /** The {@link Subcommands} declared on {@code type}, or none. */
    public static List<Class<?>> subcommands(Class<?> type) {
        Subcommands declared = type.getAnnotation(Subcommands.class);
        return declared == null ? List.of() : List.of(declared.value());
    }

    /** The command of {@code commands} whose name or alias is {@code word}, or null. */
    public static Class<?> named(List<Class<?>> commands, String word) {
        if (word.startsWith("-")) return null;
        for (Class<?> c : commands) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(word) || List.of(command.aliases()).contains(word)) return c;
        }
        return null;
    }

    private static void add(CommandLine parent, Class<?> type, String[] args, int from) {
        CommandLine child = new CommandLine(type, parent.getFactory());
        // Added to its parent first, so the options the parent passes down reach it before its own
        // subcommands are added below it.
        parent.addSubcommand(child);
        addSubcommands(child, args, from);
    }
}
