/**
 * Collection labels and their printing. A named interface so that the platform's demo journey
 * (platform.demo.DemoTreatmentSeed) can take a demo product through the same custody services the staff use; no other module calls it.
 */
@org.springframework.modulith.NamedInterface("labels")
package org.cartpath.custody.labels;
