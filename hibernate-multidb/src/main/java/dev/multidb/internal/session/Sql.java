package dev.multidb.internal.session;

/** What little this library reads of SQL text: whether a statement can write. */
final class Sql {

    private Sql() {
    }

    /** Anything but a query ({@code select}, {@code with}, {@code values}, {@code show}, {@code explain}) may write. */
    static boolean writes(String sql) {
        int start = 0;
        int length = sql.length();
        while (start < length && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        return !(startsWith(sql, start, "select") || startsWith(sql, start, "with")
                || startsWith(sql, start, "values") || startsWith(sql, start, "show")
                || startsWith(sql, start, "explain"));
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
