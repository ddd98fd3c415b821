package org.suyuan.problem;

import java.net.URI;

/** Where problem types live: {@code /problems/{slug}}, a page on the service itself describing each. */
public final class ProblemTypes {

    private ProblemTypes() {}

    public static URI uri(String slug) {
        return URI.create("/problems/" + slug);
    }
}
