/**
 * The ISBT 128 rules cartpath applies, as plain Java with their sources: the keyboard check character
 * (ISO/IEC 7064 MOD 37-2), the Facility Identification Number, and the data structures 001 (DIN, ICCBBA
 * ST-001) and 040 (Chain of Identity, ICCBBA ST-028). Internal to the custody module: other modules use
 * {@link org.cartpath.custody.ChainOfIdentityId} and {@link org.cartpath.custody.Din}.
 */
package org.cartpath.custody.isbt128;
