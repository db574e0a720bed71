package org.cartpath.monitoring.web;

import java.util.List;

/**
 * The eight questions of the Cornell Assessment of Pediatric Delirium in item order (Traube C et al., Crit Care
 * Med 2014;42(3):656–663), as the form asks them of the nurse who knows the child.
 */
final class CapdItems {

    static final List<String> ITEMS = List.of(
            "Does the child make eye contact with the caregiver?",
            "Are the child's actions purposeful?",
            "Is the child aware of their surroundings?",
            "Does the child communicate needs and wants?",
            "Is the child restless?",
            "Is the child inconsolable?",
            "Is the child underactive, with very little movement while awake?",
            "Does the child take a long time to respond to interactions?");

    private CapdItems() {
    }
}
