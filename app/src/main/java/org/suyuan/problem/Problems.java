package org.suyuan.problem;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** Turns a {@link ProblemException} into an RFC 9457 problem; the one place that knows the mapping. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ProblemException exception, URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(exception.status(), exception.detail());
        problem.setType(exception.type());
        problem.setTitle(exception.title());
        problem.setInstance(instance);
        exception.properties().forEach(problem::setProperty);
        return problem;
    }
}
