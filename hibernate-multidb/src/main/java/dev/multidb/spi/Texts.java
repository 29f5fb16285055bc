package dev.multidb.spi;

import dev.multidb.internal.config.DidYouMean;
import dev.multidb.internal.config.JdbcUrls;
import dev.multidb.internal.config.Redaction;

import java.util.Collection;
import java.util.Optional;

/** What the library's messages are made with, for messages of the same shape elsewhere. */
public final class Texts {

    private Texts() {
    }

    /** The candidate {@code input} was probably meant to be (a typo), if one is close enough. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        return DidYouMean.closest(input, candidates);
    }

    /** {@code url} with its password parameters and user-info masked. */
    public static String maskUrl(String url) {
        return JdbcUrls.mask(url);
    }

    /** {@code text} with every occurrence of every secret replaced by a mask. */
    public static String redact(String text, Collection<String> secrets) {
        return Redaction.redact(text, secrets);
    }
}
