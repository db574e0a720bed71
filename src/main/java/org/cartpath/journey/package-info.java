/**
 * The therapy case: one patient's CAR-T treatment from referral to the end of follow-up. It owns the
 * case's stage and the guarded transitions between stages, the case timeline (what happened, by whom,
 * when), the parties that may see the case, the open tasks and the coordinator's worklist.
 *
 * <p>It is the spine the stage modules plug into: referral, scheduling, custody, manufacturing, treatment,
 * monitoring and follow-up call {@link org.cartpath.journey.CaseJourney} to open the case, move it on,
 * note what happened and open or close tasks. It holds no stage's own data (referrals, bookings,
 * shipments…) and decides no clinical rule beyond the order of the stages.
 *
 * <p>It depends on {@code shared}, {@code identity}, {@code audit} and, for finding cases in the worklist by
 * the patient's name or NHS number, on {@code patient}'s search (the patient module comes earlier in the
 * journey and never depends on it), and on {@code catalogue} for the names of products and indications on the case
 * page.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "patient"})
package org.cartpath.journey;
