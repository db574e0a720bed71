/**
 * The catalogue: CAR-T products and, for each product and jurisdiction, its label versions — the
 * indications with their eligibility criteria, the cell dose rule, the lymphodepletion regimens, the
 * release specification, the monitoring parameters and planning lead times — every number with its source.
 *
 * <p>Label versions are data, never code (ADR 0010): they are seeded from
 * {@code src/main/resources/catalogue/*.yaml}, added by the operator's administrators, never changed or
 * deleted, and read by id so that a case keeps the version it was assessed under. Other modules use
 * {@link org.cartpath.catalogue.Catalogue}; the rules that read a version (such as
 * {@link org.cartpath.catalogue.DoseRule#rangeFor}) are plain Java.
 *
 * <p>It does not evaluate a patient against the criteria (that is eligibility assessment, in referral) and
 * holds no patient data.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit"})
package org.cartpath.catalogue;
