package dev.multidb.properties;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The property runner itself: a failure is found, shrunk to its essential steps, and reproduced from its seed. */
class SeededPropertyTest {

    /** Up to 30 digits. */
    private static List<Integer> digits(SplittableRandom random) {
        int length = 1 + random.nextInt(30);
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            digits.add(random.nextInt(10));
        }
        return digits;
    }

    /** Broken by any sequence with a 7 somewhere before a 3. */
    private static List<String> noThreeAfterSeven(List<Integer> digits) {
        int seven = digits.indexOf(7);
        if (seven >= 0 && digits.subList(seven, digits.size()).contains(3)) {
            throw new IllegalStateException("3 after 7 in " + digits);
        }
        return List.of("passed");
    }

    @Test
    void aFailureIsShrunkToItsEssentialStepsAndReportedWithItsSeed() {
        SeededProperty<Integer> property = new SeededProperty<>("no 3 after 7", SeededPropertyTest::digits,
                SeededPropertyTest::noThreeAfterSeven);
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> property.run(200, 42L));
        assertThat(failure.getMessage())
                .containsPattern("no 3 after 7 failed on try \\d+, seed -?\\d+ \\(run it alone: "
                        + "-Dmultidb.property.seed=-?\\d+ -Dmultidb.property.tries=1\\)")
                .containsPattern("Shrunk from \\d+ to 2 steps in \\d+ runs:\n  1\\. 7\n  2\\. 3\nGenerated sequence:");
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("3 after 7 in [7, 3]");

        Matcher seed = Pattern.compile("seed (-?\\d+) ").matcher(failure.getMessage());
        assertThat(seed.find()).isTrue();
        AssertionError again = catchThrowableOfType(AssertionError.class,
                () -> property.run(1, Long.parseLong(seed.group(1))));
        assertThat(again.getMessage()).as("the printed seed alone gives the same generated sequence")
                .startsWith("no 3 after 7 failed on try 1, seed " + seed.group(1))
                .endsWith(failure.getMessage().substring(failure.getMessage().indexOf("Generated sequence:")));
    }

    @Test
    void aPassingPropertyCountsWhatItsTriesDid() {
        SeededProperty<Integer> property = new SeededProperty<>("digits", SeededPropertyTest::digits,
                digits -> List.of(digits.size() > 15 ? "long" : "short"));
        String summary = property.run(100, 7L);
        Matcher counts = Pattern.compile("digits: 100 tries passed \\(base seed 7\\); steps run: \\{long=(\\d+), short=(\\d+)}")
                .matcher(summary);
        assertThat(counts.matches()).as(summary).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).isEqualTo(100);
    }
}
