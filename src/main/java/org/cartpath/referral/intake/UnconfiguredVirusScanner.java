package org.cartpath.referral.intake;

import org.cartpath.referral.VirusScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs when the installation declares no {@link VirusScanner}: every file is accepted, and each one is
 * logged as stored unscanned, so that operators see the gap in their logs. Not a bean: the scan of
 * {@link AttachmentChecks} falls back to it only when no scanner is declared.
 */
final class UnconfiguredVirusScanner implements VirusScanner {

    private static final Logger log = LoggerFactory.getLogger(UnconfiguredVirusScanner.class);

    @Override
    public Verdict scan(String fileName, String contentType, byte[] content) {
        log.warn("No virus scanner is configured: referral attachment '{}' ({}, {} bytes) is stored unscanned. "
                + "Declare a VirusScanner bean to scan uploads.", fileName, contentType, content.length);
        return Verdict.accepted();
    }
}
