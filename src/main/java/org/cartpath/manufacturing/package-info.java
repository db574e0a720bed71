/**
 * Manufacturing as the treatment centre sees it: the manufacturer's status reports for a case (material
 * received, manufacturing started, in QC, released, out of specification, failed) with expected dates,
 * the certificate of analysis of each product lot, cartpath's check of the lot against the label (dose for
 * the patient's weight at collection, release specification), the centre QA's signed acceptance, and the
 * signed decisions an out-of-specification lot needs before it may be given.
 *
 * <p>It does not book the slot (scheduling), move the cells (custody) or give the product (treatment).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared", "identity", "audit", "catalogue", "patient", "journey", "scheduling", "custody"})
package org.cartpath.manufacturing;
