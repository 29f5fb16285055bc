package dev.multidb.junit.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an example class: some of its tests fail on purpose, so it runs only when a test starts it
 * through {@link Examples} (which sets {@value #KEY}); an IDE or a build that discovers it directly
 * skips it.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnlyThroughEngineTestKit.Condition.class)
public @interface OnlyThroughEngineTestKit {

    /** The configuration parameter {@link Examples} sets to {@code true}. */
    String KEY = "dev.multidb.junit.examples";

    /** Enables the example only when {@value #KEY} is {@code true}. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KEY, Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run through EngineTestKit")
                    : ConditionEvaluationResult.disabled("an example, run by the tests through EngineTestKit");
        }
    }
}
