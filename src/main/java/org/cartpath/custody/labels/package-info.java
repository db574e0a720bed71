/**
 * Collection labels and their printing. Inside custody: other modules record a collection through
 * {@link org.cartpath.custody.CustodySteps}.
 */
package org.cartpath.custody.labels;
