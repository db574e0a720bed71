package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Offset paging without stored searches: a search answers the page {@code _offset}, {@code _count} of its results and
 * their total, and HAPI writes the {@code next}/{@code previous} links with {@code _offset}. Nothing is kept between
 * requests, so any application instance answers any page (docs/architecture.md, "Data": nothing is held in one
 * instance's memory).
 */
final class Paging {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 200;

    private Paging() {
    }

    static IBundleProvider page(List<? extends IBaseResource> all, Integer offset, Integer count) {
        int size = count == null ? DEFAULT_COUNT : count;
        if (size < 0 || size > MAX_COUNT) {
            throw new InvalidRequestException("_count must be between 0 and " + MAX_COUNT);
        }
        int from = offset == null ? 0 : offset;
        if (from < 0) {
            throw new InvalidRequestException("_offset must be 0 or more");
        }
        int start = Math.min(from, all.size());
        int end = Math.min(all.size(), start + size);
        SimpleBundleProvider page = new SimpleBundleProvider(List.copyOf(all.subList(start, end)));
        page.setSize(all.size());
        return page;
    }
}
