/**
 * The shared kernel: identifiers, the acting user ({@link org.cartpath.shared.Actor}), the organisation
 * kinds and roles every module reasons about, the visibility rule for data across organisations, and the
 * exceptions that become problem responses.
 *
 * <p>It is not a home for helpers: anything here is used by several modules and has no behaviour that
 * belongs to one of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cartpath.shared;
