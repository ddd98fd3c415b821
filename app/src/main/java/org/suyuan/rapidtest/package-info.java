/**
 * Rapid tests (快检) by township inspection stations (快检室, issue 14): a station account of a bureau scans or types
 * a batch's code and records what it tested for, how, the limit, the reading, the verdict, who sampled and a photo
 * of the strip. The result becomes an entry of the batch's archive ({@code archive.BatchService#recordRapidTest}),
 * hashed and anchored like every entry; a failure shows at once among the flags of the bureau's console and as a
 * warning on the consumer page, both read from the archive itself.
 *
 * <p>Everything here is package-private apart from the service: the API controller, the station's phone page and
 * its form.
 */
package org.suyuan.rapidtest;
