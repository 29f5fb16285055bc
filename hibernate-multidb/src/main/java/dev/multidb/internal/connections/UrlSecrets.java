package dev.multidb.internal.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds passwords written inside JDBC URLs: {@code password=...} parameters and {@code user:pass@host}. */
final class UrlSecrets {

    private static final Pattern PARAMETER = Pattern.compile("(?i)password=([^;&]+)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@:;?]+:([^/@]+)@");

    private UrlSecrets() {
    }

    static List<String> of(String url) {
        List<String> secrets = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(url);
        while (parameter.find()) {
            secrets.add(parameter.group(1));
        }
        Matcher userInfo = USER_INFO.matcher(url);
        while (userInfo.find()) {
            secrets.add(userInfo.group(1));
        }
        return secrets;
    }
}
