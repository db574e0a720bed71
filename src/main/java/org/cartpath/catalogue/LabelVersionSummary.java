package org.cartpath.catalogue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A label version in a list: which it is, from when, and who added it.
 *
 * @param origin {@code BUNDLED} (shipped with cartpath) or {@code ADDED} (by an administrator)
 */
public record LabelVersionSummary(String id, ProductCode product, Jurisdiction jurisdiction, LocalDate effectiveFrom,
        String title, String origin, String addedBy, Instant addedAt) {
}
