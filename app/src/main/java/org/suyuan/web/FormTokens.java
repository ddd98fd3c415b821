package org.suyuan.web;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Hands every rendered form its own idempotency key, sent back in the hidden field {@value #FIELD}: a form sent
 * twice (a double tap, a retry after a lost answer on a poor network) is carried out once, and the retry gets the
 * first answer ({@link IdempotencyFilter}).
 *
 * <p>Templates include {@code ~{fragments/forms :: token}}, which calls {@code ${@formTokens.next()}}.
 */
@Component("formTokens")
public class FormTokens {

    /** The name of the hidden form field that carries the key. */
    public static final String FIELD = "idempotencyKey";

    /** A fresh key for one rendered form. */
    public String next() {
        return UUID.randomUUID().toString();
    }
}
