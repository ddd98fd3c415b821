package org.suyuan.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error that a client can act on, rendered as RFC 9457 problem+json by the API and as a readable Chinese
 * message by the pages.
 *
 * <p>Each subclass names a stable problem type; integrators may rely on it (for example
 * {@code /problems/harvest-inside-safety-interval}).
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final transient Map<String, Object> properties;

    protected ProblemException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    protected ProblemException(
            HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type as a URI reference, {@code /problems/{slug}}. */
    public URI type() {
        return ProblemTypes.uri(type);
    }

    /** The last segment of the type: a stable, readable name of the error. */
    public String slug() {
        return type;
    }

    /** A short summary, the same for every occurrence of this type. */
    public String title() {
        return title;
    }

    /** What went wrong this time and what to do about it, in Chinese. */
    public String detail() {
        return getMessage();
    }

    /** Extension members of the problem (RFC 9457 section 3.2), such as the date a safety interval ends. */
    public Map<String, Object> properties() {
        return properties;
    }
}
