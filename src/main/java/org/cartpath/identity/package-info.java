/**
 * Who may do what: organisations, users and their roles, sign-in (throttled, sessions in PostgreSQL),
 * API tokens for other organisations' systems, the current {@link org.cartpath.shared.Actor}, and
 * electronic signatures (21 CFR 11.50, 11.70, 11.200) that later modules use for panel decisions,
 * releases, identity checks and infusions.
 *
 * <p>It does not decide what an actor may see of clinical data; that rule is
 * {@link org.cartpath.shared.DataVisibility}, applied by each module to its own queries.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit"})
package org.cartpath.identity;
