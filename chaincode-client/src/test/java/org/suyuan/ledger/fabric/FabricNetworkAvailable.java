package org.suyuan.ledger.fabric;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a Fabric network is named or can be brought up ({@link FabricNetwork}), or where one
 * is required ({@code SUYUAN_REQUIRE_EXTERNAL=true}: then {@link FabricNetwork#shared()} fails the run if it cannot
 * have one). Decided before the class is instantiated, so a Spring test is skipped before its context loads.
 */
public final class FabricNetworkAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (FabricNetwork.available() || Boolean.parseBoolean(System.getenv("SUYUAN_REQUIRE_EXTERNAL"))) {
            return ConditionEvaluationResult.enabled("a Fabric network is available or required");
        }
        System.out.println("[SKIPPED] " + context.getDisplayName() + ": " + FabricNetwork.unavailableReason());
        return ConditionEvaluationResult.disabled(FabricNetwork.unavailableReason());
    }
}
