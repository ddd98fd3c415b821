package org.suyuan.web;

/**
 * The transaction the idempotency filter held around a whole request has ended, committed or rolled back, and its
 * connection is back in the pool; the answer has not been sent yet. Work that had to wait until the request held
 * no lock and no connection runs now, on the request's thread (storing the attempts the rules refused).
 *
 * @param method the request's method
 * @param path the request's path
 */
public record RequestTransactionEnded(String method, String path) {}
