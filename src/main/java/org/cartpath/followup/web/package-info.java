/** The follow-up module's HTTP edge: the stateless outcomes calculators under {@code /api/v1/calculators}. */
package org.cartpath.followup.web;
