/**
 * The platform cartpath runs on: the database (embedded PostgreSQL by default, an external server by
 * configuration), request ids and request logging, error handling (problem+json for the API, NHS-style
 * error pages for people), the page shell, the demo seed and the command line.
 *
 * <p>It holds no clinical rule and no business state of its own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared", "identity", "audit", "catalogue", "patient", "journey", "referral", "scheduling", "custody",
        "manufacturing", "treatment", "monitoring"})
package org.cartpath.platform;
