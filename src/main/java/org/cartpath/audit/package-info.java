/**
 * The audit trail: every state change in cartpath, written in the same transaction as the change, as one
 * SHA-256 hash chain that the database will not let the application rewrite; its verifier; and the log of
 * who read whose record.
 *
 * <p>It is not a log of technical events (those go to the application log) and it does not decide what
 * is audited: each module records its own changes through {@link org.cartpath.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared"})
package org.cartpath.audit;
