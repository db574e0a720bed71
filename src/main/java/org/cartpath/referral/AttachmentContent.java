package org.cartpath.referral;

/** An attachment with its bytes, for download. */
public record AttachmentContent(ReferralAttachment attachment, byte[] content) {
}
