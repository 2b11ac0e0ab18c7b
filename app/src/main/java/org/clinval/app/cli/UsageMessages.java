package org.clinval.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The message of a usage error, with the nearest names for what was mistyped. */
public final class UsageMessages {

    private UsageMessages() {}

    /**
     * Returns {@code e}'s message; for a mistyped command the nearest commands ("did you mean roc
     * or froc?"), for a mistyped option the nearest option, and for a missing required option also
     * the arguments that were not recognised (picocli checks the required options first, so {@code
     * --treshold 0.5} was reported only as a missing {@code --threshold}).
     */
    public static String of(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.MissingParameterException) {
            List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
            if (unmatched.isEmpty()) return e.getMessage();
            return e.getMessage()
                    + "; "
                    + of(new CommandLine.UnmatchedArgumentException(e.getCommandLine(), unmatched));
        }
        if (!(e instanceof CommandLine.UnmatchedArgumentException)) return e.getMessage();
        CommandLine.UnmatchedArgumentException u = (CommandLine.UnmatchedArgumentException) e;
        List<String> near;
        if (u.isUnknownOption()) {
            String word = u.getUnmatched().get(0);
            int eq = word.indexOf('=');
            near = nearestOption(e.getCommandLine(), eq < 0 ? word : word.substring(0, eq));
        } else {
            near = u.getSuggestions();
        }
        return near.isEmpty()
                ? e.getMessage()
                : e.getMessage() + "; did you mean " + String.join(" or ", near) + "?";
    }

    /**
     * The option of {@code command} nearest to {@code typed} by edit distance (a letter left out,
     * added, changed or two swapped count one each), if it is within a quarter of the name's length
     * (at least 2); none otherwise.
     */
    static List<String> nearestOption(CommandLine command, String typed) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.hidden()) continue;
            for (String name : option.names()) if (name.startsWith("--")) names.add(name);
        }
        if (names.isEmpty()) return List.of();
        names.sort(Comparator.comparingInt(n -> distance(n, typed)));
        for (String name : names) {
            if (typed.length() >= 5 && name.startsWith(typed)) return List.of(name);
        }
        String best = names.get(0);
        int allowed = Math.max(2, best.length() / 4);
        return distance(best, typed) <= allowed ? List.of(best) : List.of();
    }

    /** The optimal string alignment distance of {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
