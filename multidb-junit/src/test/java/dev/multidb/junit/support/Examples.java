package dev.multidb.junit.support;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.platform.testkit.engine.EventType.FINISHED;

/** Runs example classes through the Jupiter engine, as one test run, and reads the outcome. */
public final class Examples {

    private Examples() {
    }

    /** Runs {@code classes} in one engine execution: one root store, so one factory per unit. */
    public static EngineExecutionResults run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyThroughEngineTestKit.KEY, "true")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass)
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /**
     * The outcome of every test (by method name; {@code Nested.method} for {@code @Nested} classes):
     * {@code SUCCESSFUL}, or the failure as {@code FAILED ExceptionClass: message}.
     */
    public static Map<String, String> outcomes(EngineExecutionResults results) {
        Map<String, String> outcomes = new TreeMap<>();
        results.testEvents().finished().stream().forEach(event -> outcomes.put(name(event), describe(event)));
        return outcomes;
    }

    /** The outcome of the container (class) whose display name is {@code simpleName}. */
    public static String containerOutcome(EngineExecutionResults results, String simpleName) {
        Events containers = results.containerEvents();
        Predicate<Event> matches = event -> event.getTestDescriptor().getDisplayName().equals(simpleName);
        return containers.skipped().filter(matches).findFirst()
                .map(event -> "SKIPPED " + event.getPayload(String.class).orElse(""))
                .orElseGet(() -> containers.stream().filter(event -> event.getType() == FINISHED).filter(matches)
                        .findFirst().map(Examples::describe).orElse("NOT RUN"));
    }

    private static String name(Event event) {
        String id = event.getTestDescriptor().getUniqueId().toString();
        String method = event.getTestDescriptor().getDisplayName().replaceAll("\\(.*\\)$", "");
        return id.contains("[nested-class:") ? id.replaceAll(".*\\[nested-class:([^\\]]+)\\].*", "$1") + "." + method
                : method;
    }

    private static String describe(Event event) {
        var result = event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "SUCCESSFUL";
            case ABORTED -> "ABORTED " + result.getThrowable().map(Throwable::getMessage).orElse("");
            case FAILED -> result.getThrowable()
                    .map(t -> "FAILED " + t.getClass().getSimpleName() + ": " + t.getMessage())
                    .orElse("FAILED");
        };
    }
}
