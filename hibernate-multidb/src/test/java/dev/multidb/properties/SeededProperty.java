package dev.multidb.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A small property runner: {@code tries} sequences, each made from a seed of its own by a generator, are given to
 * the property; the first that fails is shrunk by removing steps (halves, then quarters, ... then single steps)
 * for as long as the shorter sequence still fails the same way, and reported with its seed and both sequences.
 *
 * <p>Seeds: try {@code i} uses {@code base + i * 0x9E3779B97F4A7C15}, so try 0 uses the base itself. The base is
 * the system property {@value #SEED} when set (with {@value #TRIES} = 1, the failing try alone runs again), else a
 * new one per run, printed with the result. Shrinking is bounded by {@link #MAX_SHRINK_RUNS} runs of the property.
 *
 * @param <S> a step of the generated sequences
 */
final class SeededProperty<S> {

    static final String SEED = "multidb.property.seed";
    static final String TRIES = "multidb.property.tries";
    static final int MAX_SHRINK_RUNS = 1_000;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /** The property: throws (an {@link AssertionError} or any exception) when a sequence breaks it. */
    interface Check<S> {
        /** Runs the sequence; returns labels of what it did, counted in the summary. */
        List<String> run(List<S> steps) throws Exception;
    }

    private final String name;
    private final Function<SplittableRandom, List<S>> generator;
    private final Check<S> check;
    private final Map<String, Integer> labels = new TreeMap<>();

    /**
     * @param name      the property, for the report
     * @param generator makes one sequence from a random source seeded for one try
     * @param check     the property
     */
    SeededProperty(String name, Function<SplittableRandom, List<S>> generator, Check<S> check) {
        this.name = name;
        this.generator = generator;
        this.check = check;
    }

    /**
     * Runs {@code defaultTries} tries ({@value #TRIES} overrides it) from the base seed; returns a summary line.
     *
     * @throws AssertionError naming the seed and the shrunk sequence when a try fails
     */
    String run(int defaultTries) {
        String configured = System.getProperty(SEED);
        long base = configured == null || configured.isBlank() ? new SplittableRandom().nextLong()
                : Long.parseLong(configured.trim());
        return run(Integer.getInteger(TRIES, defaultTries), base);
    }

    /** Runs {@code tries} tries from the seed {@code base}, whatever the system properties say. */
    String run(int tries, long base) {
        for (int i = 0; i < tries; i++) {
            long seed = base + i * GAMMA;
            List<S> steps = generator.apply(new SplittableRandom(seed));
            Throwable failure = failureOf(steps);
            if (failure != null) {
                throw report(i, seed, steps, failure);
            }
        }
        return name + ": " + tries + " tries passed (base seed " + base + "); steps run: " + labels;
    }

    private Throwable failureOf(List<S> steps) {
        try {
            for (String label : check.run(steps)) {
                labels.merge(label, 1, Integer::sum);
            }
            return null;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private AssertionError report(int index, long seed, List<S> original, Throwable failure) {
        List<S> shrunk = original;
        Throwable shrunkFailure = failure;
        int runs = 0;
        for (int chunk = Math.max(1, shrunk.size() / 2); chunk >= 1 && runs < MAX_SHRINK_RUNS; chunk /= 2) {
            boolean removed = true;
            while (removed && runs < MAX_SHRINK_RUNS) {
                removed = false;
                for (int from = 0; from + chunk <= shrunk.size() && runs < MAX_SHRINK_RUNS; from++) {
                    List<S> candidate = new ArrayList<>(shrunk.subList(0, from));
                    candidate.addAll(shrunk.subList(from + chunk, shrunk.size()));
                    if (candidate.isEmpty()) {
                        continue;
                    }
                    runs++;
                    Throwable candidateFailure = failureOf(candidate);
                    if (candidateFailure != null && candidateFailure.getClass() == failure.getClass()) {
                        shrunk = candidate;
                        shrunkFailure = candidateFailure;
                        removed = true;
                        break;
                    }
                }
            }
        }
        AssertionError error = new AssertionError(name + " failed on try " + (index + 1) + ", seed " + seed
                + " (run it alone: -D" + SEED + "=" + seed + " -D" + TRIES + "=1).\nShrunk from " + original.size()
                + " to " + shrunk.size() + " steps in " + runs + " runs:\n" + numbered(shrunk)
                + "Generated sequence:\n" + numbered(original) + "Failure of the shrunk sequence: "
                + shrunkFailure, shrunkFailure);
        if (shrunkFailure != failure) {
            error.addSuppressed(failure);
        }
        return error;
    }

    private static String numbered(List<?> steps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            out.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        return out.toString();
    }
}
