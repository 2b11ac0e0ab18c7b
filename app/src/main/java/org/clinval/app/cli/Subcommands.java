package org.clinval.app.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The subcommands of a command, in the order its help lists them. Declared here rather than in
 * picocli's {@code @Command(subcommands = ...)}, which makes picocli build every subcommand (its
 * options, their types and the classes they load) whenever the parent is built: {@link CommandTree}
 * builds only the one a command line names, and all of them for the help or a mistyped name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subcommands {

    /** The subcommands' classes, each annotated with picocli's {@code @Command}. */
    Class<?>[] value();
}
