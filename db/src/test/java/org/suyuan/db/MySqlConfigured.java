package org.suyuan.db;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a MySQL server is configured, or where one is required (then {@link
 * TestDatabases#freshMySql} fails the run if it is missing). Decided before the class is instantiated, so a
 * Spring test is skipped before its application context loads: a skip raised while the context loads (from a
 * {@code @DynamicPropertySource}) is reported as an error.
 */
public final class MySqlConfigured implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String configured = System.getenv(TestDatabases.MYSQL_URL_VARIABLE);
        if (configured != null && !configured.isBlank() || TestDatabases.externalServicesRequired()) {
            return ConditionEvaluationResult.enabled("a MySQL server is configured or required");
        }
        String message = TestDatabases.MYSQL_URL_VARIABLE + " is not set: MySQL tests skipped (set it, e.g. "
                + "jdbc:mysql://127.0.0.1:3306/test?user=root&password=, to run them)";
        System.out.println("[SKIPPED] " + context.getDisplayName() + ": " + message);
        return ConditionEvaluationResult.disabled(message);
    }
}
