/**
 * The platform cartpath runs on: the database (embedded PostgreSQL by default, an external server by
 * configuration), request ids and request logging, error handling (problem+json for the API, NHS-style
 * error pages for people), the page shell, the demo seed and the command line.
 *
 * <p>It holds no clinical rule and no business state of its own.
 */
package org.cartpath.platform;
