package io.wisp.core.execute;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The arguments of an Execute request (LwM2M Core TS 1.2 §6.3.5), the payload {@code 0,1='2'}:
 * <pre>
 * arglist = arg *( "," arg )
 * arg     = DIGIT / DIGIT "=" "'" *CHAR "'"
 * </pre>
 * Each digit appears at most once (made explicit in Core TS 1.2.1; digits are keys, so the order carries no
 * meaning to the resource, but it is kept so that printing gives back the text that was read). The empty list is
 * an Execute without payload.
 */
public final class ExecuteArguments {
    /** No arguments: an Execute with an empty payload. */
    public static final ExecuteArguments EMPTY = new ExecuteArguments(List.of());

    private final List<ExecuteArgument> arguments;

    private ExecuteArguments(List<ExecuteArgument> arguments) {
        this.arguments = arguments;
    }

    /** Arguments in the given order; throws {@link IllegalArgumentException} when a digit repeats. */
    public static ExecuteArguments of(List<ExecuteArgument> arguments) {
        List<ExecuteArgument> copy = List.copyOf(arguments);
        boolean[] seen = new boolean[10];
        for (ExecuteArgument a : copy) {
            if (seen[a.digit()]) {
                throw new IllegalArgumentException("digit " + a.digit() + " appears more than once");
            }
            seen[a.digit()] = true;
        }
        return copy.isEmpty() ? EMPTY : new ExecuteArguments(copy);
    }

    public static ExecuteArguments of(ExecuteArgument... arguments) {
        return of(List.of(arguments));
    }

    /**
     * Reads an Execute payload; the empty string gives {@link #EMPTY}. Throws {@link io.wisp.core.SyntaxException}
     * naming the position of the first problem (for a repeated digit, the second occurrence).
     */
    public static ExecuteArguments parse(String text) {
        return of(ArgumentListParser.parse(text));
    }

    /** The arguments in payload order. */
    public List<ExecuteArgument> list() {
        return arguments;
    }

    /** The argument with this digit, if given. */
    public Optional<ExecuteArgument> get(int digit) {
        return arguments.stream().filter(a -> a.digit() == digit).findFirst();
    }

    /** The value of the argument with this digit; empty when the argument is absent or has no value. */
    public Optional<String> value(int digit) {
        return get(digit).flatMap(ExecuteArgument::value);
    }

    public boolean has(int digit) {
        return get(digit).isPresent();
    }

    public int size() {
        return arguments.size();
    }

    public boolean isEmpty() {
        return arguments.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecuteArguments other && arguments.equals(other.arguments);
    }

    @Override
    public int hashCode() {
        return arguments.hashCode();
    }

    /** The canonical payload, e.g. {@code 0,1='2'}; the empty string for no arguments. */
    @Override
    public String toString() {
        return arguments.stream().map(ExecuteArgument::toString).collect(Collectors.joining(","));
    }
}
