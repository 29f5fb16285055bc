package dev.multidb.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The workload and side each iteration of a fork measures, in turn. Written as a JMH parameter
 * ({@code "find:plain find:multidb ..."}) so that the JSON result says how to split the per-iteration scores
 * again ({@code benchmarks/report.py}); warm-up iterations take their turns too.
 *
 * @param <S> what a side is measured through (a factory)
 */
public final class Rotation<S> {

    /** One entry: a workload on a side. */
    public record Turn<S>(String workload, String sideName, S side) {
    }

    private final List<Turn<S>> turns;
    private int next;

    private Rotation(List<Turn<S>> turns) {
        this.turns = turns;
    }

    /** Parses {@code workload:side} entries separated by spaces; {@code sides} gives each side's object. */
    public static <S> Rotation<S> parse(String rotation, Function<String, S> sides) {
        List<Turn<S>> turns = new ArrayList<>();
        for (String entry : rotation.trim().split("\\s+")) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("A rotation entry is workload:side, not '" + entry + "'");
            }
            String side = entry.substring(colon + 1);
            turns.add(new Turn<>(entry.substring(0, colon), side, sides.apply(side)));
        }
        return new Rotation<>(List.copyOf(turns));
    }

    /** The entry of the next iteration. */
    public Turn<S> next() {
        Turn<S> turn = turns.get(next);
        next = (next + 1) % turns.size();
        return turn;
    }
}
