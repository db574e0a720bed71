/**
 * Shipments and their movements. Inside custody: other modules drive them through
 * {@link org.cartpath.custody.CustodySteps}.
 */
package org.cartpath.custody.shipment;
