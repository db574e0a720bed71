/**
 * Treatment up to and including the infusion: bridging, lymphodepletion, pre-infusion checks and the
 * infusion itself. Today it holds the stateless calculators lymphodepletion dosing needs, body surface area
 * and creatinine clearance ({@code dosing}), and their REST calculators ({@code web}).
 *
 * <p>It is not the pharmacy's protocol: which BSA formula a centre uses and the fludarabine renal bands are
 * protocol data chosen by the centre's pharmacy, recorded with each dose. Toxicity after infusion belongs to
 * {@code monitoring}.
 */
package org.cartpath.treatment;
