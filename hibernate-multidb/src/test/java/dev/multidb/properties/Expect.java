package dev.multidb.properties;

/** What a step may throw, as the oracle predicts it: nothing, or {@code type}, which it must or may throw. */
record Expect(Class<? extends Throwable> type, boolean required) {

    static final Expect NOTHING = new Expect(null, false);

    static Expect must(Class<? extends Throwable> type) {
        return new Expect(type, true);
    }

    static Expect may(Class<? extends Throwable> type) {
        return new Expect(type, false);
    }
}
