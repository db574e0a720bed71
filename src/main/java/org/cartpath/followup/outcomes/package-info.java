/**
 * The outcomes calculators as plain Java, without Spring: the Kaplan–Meier estimate and the log-rank test (matching
 * R {@code survival}'s {@code survfit} and {@code survdiff}), ICAHT grading, and the disease-response categories of
 * B-ALL after CAR-T, Lugano 2014 (PET-CT and CT) and IMWG 2016. Each rule cites its published source; the rules,
 * their parameters and their tests are listed in docs/clinical/outcomes-calculators.md.
 *
 * <p>The classes expect well-formed input (the web layer refuses the rest with 400 or 422) and throw
 * {@link java.lang.IllegalArgumentException} when handed something the contract forbids.
 *
 * <p>A named interface of {@code followup}: the reporting module computes its survival curves with these (ADR 0021).
 */
@org.springframework.modulith.NamedInterface("outcomes")
package org.cartpath.followup.outcomes;
