package org.suyuan.archive;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** An event a consumer-protection rule refuses; the attempt is stored before this is thrown. */
public final class RuleViolationException extends ProblemException {

    private final Rule rule;

    RuleViolationException(Rule rule, String detail, Map<String, Object> properties) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, rule.slug(), rule.title(), detail, withRule(rule, properties));
        this.rule = rule;
    }

    RuleViolationException(Rule rule, String detail) {
        this(rule, detail, Map.of());
    }

    public Rule rule() {
        return rule;
    }

    private static Map<String, Object> withRule(Rule rule, Map<String, Object> properties) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(properties);
        all.put("rule", rule.slug());
        return all;
    }
}
