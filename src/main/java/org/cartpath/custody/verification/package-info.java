/**
 * Two-person checks. A named interface so that the platform's demo journey
 * (platform.demo.DemoTreatmentSeed) can take a demo product through the same custody services the staff use; no other module calls it.
 */
@org.springframework.modulith.NamedInterface("verification")
package org.cartpath.custody.verification;
