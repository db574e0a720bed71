/**
 * Two-person checks. Inside custody: other modules drive them through {@link org.cartpath.custody.CustodySteps}.
 */
package org.cartpath.custody.verification;
