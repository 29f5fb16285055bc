package dev.multidb.internal.session;

import java.util.Locale;
import java.util.Set;

/**
 * What little this library reads of SQL text: whether a statement can write (or lock rows, which a read-only
 * replica refuses as well). This is a first line of defence only: replica connections are also read-only at the
 * driver and the database, which refuse whatever a classification by words lets through.
 */
final class Sql {

    /**
     * Reserved words that make a query a write wherever they stand outside quotes (a CTE's DELETE, a SELECT's FOR
     * UPDATE), and the sequence functions a read-only database refuses.
     */
    private static final Set<String> WRITING_WORDS = Set.of("insert", "update", "delete", "nextval", "setval");
    /** The words before {@code share} that make it a row lock: FOR SHARE, FOR KEY SHARE, LOCK IN SHARE MODE. */
    private static final Set<String> BEFORE_SHARE = Set.of("for", "key", "in");

    private Sql() {
    }

    /**
     * Anything but a query ({@code select}, {@code with}, {@code values}, {@code show}, {@code explain}) may write; a
     * query writes when a writing word stands in it outside quotes and comments ({@code with d as (delete ...)},
     * {@code select ... for update}, {@code for share}, {@code lock in share mode}, {@code nextval(...)}). Words are
     * read, not parsed: a column named {@code update} written without quotes would count (no major database allows
     * it).
     */
    static boolean writes(String sql) {
        int start = 0;
        int length = sql.length();
        while (start < length && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        boolean query = startsWith(sql, start, "select") || startsWith(sql, start, "with")
                || startsWith(sql, start, "values") || startsWith(sql, start, "show")
                || startsWith(sql, start, "explain");
        return !query || hasWritingWord(sql, start);
    }

    private static boolean hasWritingWord(String sql, int from) {
        int length = sql.length();
        int i = from;
        String previous = "";
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? length : end + 1;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                boolean word = i == 0 || !(sql.charAt(i - 1) == '.' || sql.charAt(i - 1) == '_');
                String lower = end - i <= 7 ? sql.substring(i, end).toLowerCase(Locale.ROOT) : "";
                if (word && (WRITING_WORDS.contains(lower) || (lower.equals("share") && BEFORE_SHARE.contains(previous)))) {
                    return true;
                }
                previous = lower;
                i = end;
            } else {
                i++;
            }
        }
        return false;
    }

    /** The statement's first words, for an error message. */
    static String abbreviate(String sql) {
        String trimmed = sql.strip();
        return trimmed.length() <= 40 ? trimmed : trimmed.substring(0, 40) + "...";
    }

    private static boolean startsWith(String sql, int offset, String keyword) {
        return sql.regionMatches(true, offset, keyword, 0, keyword.length());
    }
}
