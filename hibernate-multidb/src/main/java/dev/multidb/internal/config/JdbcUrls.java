package dev.multidb.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the passwords that JDBC URLs can carry.
 *
 * <p>Why: a URL is the first thing an error message or a log line shows about a database, and many
 * drivers accept the password inside it. Every URL this library prints goes through {@link #mask}.
 * The forms recognised:
 * <ul>
 *   <li>parameters whose name ends in {@code password}, {@code passwd} or {@code pwd} (any case):
 *       {@code ?password=..}, {@code &password=..} (PostgreSQL, MySQL), {@code ;password=..} (H2, SQL
 *       Server, DB2, including SQL Server's {@code {braced;value}}), {@code (password=..,..)} (MySQL
 *       address lists); this also covers {@code sslpassword}, {@code trustStorePassword} and the like;</li>
 *   <li>user info before the host: {@code jdbc:mariadb://user:pass@host/db},
 *       {@code jdbc:postgresql://user:pass@host/db};</li>
 *   <li>Oracle's {@code jdbc:oracle:thin:user/pass@host}.</li>
 * </ul>
 * When unsure, more is hidden rather than less: the user info runs to the last {@code @} of the URL.
 */
public final class JdbcUrls {

    private static final String MASK = "****";

    private static final Pattern PARAMETER = Pattern.compile(
            "([?&;(,:])\\s*[A-Za-z0-9_.\\-]*(?:password|passwd|pwd)\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile(
            "^[^/]*//[^/:@?;#]*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORACLE_USER = Pattern.compile(
            "^jdbc:oracle:[A-Za-z0-9]+:[^/@:]+/", Pattern.CASE_INSENSITIVE);

    private JdbcUrls() {
    }

    /**
     * The URL with every password in it replaced by {@code ****}.
     *
     * @param url a JDBC URL; {@code null} gives {@code null}
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(url.length());
        int position = 0;
        for (int[] span : spans(url)) {
            masked.append(url, position, span[0]).append(MASK);
            position = span[1];
        }
        return masked.append(url, position, url.length()).toString();
    }

    /**
     * The passwords found in the URL (the parts {@link #mask} hides), for {@link Redaction}.
     *
     * @param url a JDBC URL; {@code null} gives an empty list
     */
    public static List<String> passwords(String url) {
        List<String> passwords = new ArrayList<>();
        if (url != null) {
            for (int[] span : spans(url)) {
                passwords.add(url.substring(span[0], span[1]));
            }
        }
        return passwords;
    }

    /** The secret regions of the URL as [start, end) pairs, sorted, merged, non-empty. */
    private static List<int[]> spans(String url) {
        List<int[]> found = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(url);
        int from = 0;
        while (from < url.length() && parameter.find(from)) {
            int start = parameter.end();
            int end = valueEnd(url, start, parameter.group(1).charAt(0));
            found.add(new int[] {start, end});
            from = Math.max(end, start + 1);
        }
        addUpToLastAt(url, USER_INFO.matcher(url), found);
        addUpToLastAt(url, ORACLE_USER.matcher(url), found);
        return merge(found);
    }

    private static void addUpToLastAt(String url, Matcher prefix, List<int[]> found) {
        if (prefix.find()) {
            int at = url.lastIndexOf('@');
            if (at > prefix.end()) {
                found.add(new int[] {prefix.end(), at});
            }
        }
    }

    /** Where a parameter value ends: its separator decides what terminates it. */
    private static int valueEnd(String url, int start, char separator) {
        if (start < url.length() && url.charAt(start) == '{') {
            return bracedEnd(url, start);
        }
        String terminators = switch (separator) {
            case '?', '&' -> "&";
            case '(', ',' -> ",)";
            default -> ";";
        };
        for (int i = start; i < url.length(); i++) {
            if (terminators.indexOf(url.charAt(i)) >= 0) {
                return i;
            }
        }
        return url.length();
    }

    /** SQL Server's {@code {value}}, where {@code }}} stands for one closing brace. */
    private static int bracedEnd(String url, int start) {
        int i = start + 1;
        while (i < url.length()) {
            if (url.charAt(i) == '}') {
                if (i + 1 < url.length() && url.charAt(i + 1) == '}') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return url.length();
    }

    private static List<int[]> merge(List<int[]> spans) {
        spans.removeIf(span -> span[1] <= span[0]);
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] span : spans) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span[0] <= last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(new int[] {span[0], span[1]});
            }
        }
        return merged;
    }
}
