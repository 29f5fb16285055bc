package dev.multidb.internal.config;

import dev.multidb.MultiDbException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} in configuration values.
 *
 * <p>Why here and only these two: secrets should not be written into {@code persistence.xml}, and the
 * two places deployments keep them are the environment and mounted files (Docker and Kubernetes
 * secrets). Substitution is one pass: what a variable or file contains is inserted as is and never
 * scanned again. Any other {@code ${...}} is an error rather than text, because it is almost always a
 * typo ({@code ${ENV:X}}, {@code ${env.X}}). Error messages name the key and the variable or path,
 * never the value, and for secret keys not even the placeholder text.
 */
final class Substitution {

    private final Function<String, String> environment;

    Substitution(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * The value with every placeholder replaced; a value without {@code ${} is returned unchanged.
     *
     * @param key    the configuration key, for messages
     * @param secret whether the value is secret, so that not even the placeholder is quoted
     */
    String apply(String key, String value, boolean secret) {
        if (!value.contains("${")) {
            return value;
        }
        StringBuilder result = new StringBuilder(value.length());
        int position = 0;
        int start;
        while ((start = value.indexOf("${", position)) >= 0) {
            int end = value.indexOf('}', start + 2);
            if (end < 0) {
                throw new MultiDbException("Unterminated placeholder in '" + key + "': '${' has no closing '}'."
                        + " Write ${env:NAME} or ${file:PATH}.");
            }
            result.append(value, position, start);
            result.append(resolve(key, value.substring(start, end + 1), secret));
            position = end + 1;
        }
        return result.append(value, position, value.length()).toString();
    }

    private String resolve(String key, String placeholder, boolean secret) {
        String expression = placeholder.substring(2, placeholder.length() - 1);
        if (expression.startsWith("env:")) {
            return variable(key, placeholder, expression.substring(4));
        }
        if (expression.startsWith("file:")) {
            return file(key, placeholder, expression.substring(5));
        }
        throw new MultiDbException("Unsupported placeholder " + (secret ? "" : "'" + placeholder + "' ") + "in '"
                + key + "'. Write ${env:NAME} for an environment variable or ${file:PATH} for the contents of a file.");
    }

    private String variable(String key, String placeholder, String name) {
        if (name.isEmpty()) {
            throw new MultiDbException("The placeholder '" + placeholder + "' in '" + key
                    + "' names no environment variable. Write ${env:NAME}.");
        }
        String value = environment.apply(name);
        if (value == null) {
            throw new MultiDbException("The environment variable '" + name + "' used in '" + key
                    + "' is not set. Set the variable, or change the value of '" + key + "'.");
        }
        return value;
    }

    private static String file(String key, String placeholder, String name) {
        if (name.isEmpty()) {
            throw new MultiDbException("The placeholder '" + placeholder + "' in '" + key
                    + "' names no file. Write ${file:PATH}.");
        }
        String contents;
        try {
            contents = Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MultiDbException("The file '" + name + "' used in '" + key
                    + "' does not exist. Create the file, or change the path in '" + key + "'.");
        } catch (IOException | InvalidPathException e) {
            throw new MultiDbException("The file '" + name + "' used in '" + key + "' cannot be read ("
                    + e.getClass().getSimpleName() + "). Check that it is a readable file, or change the path in '"
                    + key + "'.");
        }
        int end = contents.length();
        while (end > 0 && (contents.charAt(end - 1) == '\n' || contents.charAt(end - 1) == '\r')) {
            end--;
        }
        return contents.substring(0, end);
    }
}
