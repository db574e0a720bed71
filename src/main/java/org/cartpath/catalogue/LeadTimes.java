package org.cartpath.catalogue;

/**
 * Planning figures in days from apheresis to the product's return, for scheduling only: the manufacturer's
 * own dates always win. Mostly secondary sources, so most carry {@code check}.
 *
 * @param shippingToManufacturingSiteDays from collection to the manufacturing site
 * @param manufacturingDays               manufacturing turnaround
 * @param releaseTestingDays              quality control and release
 * @param returnShippingDays              from release to the treatment centre
 * @param medianVeinToVeinDays            median from apheresis to infusion, as published
 */
public record LeadTimes(
        SourcedNumber shippingToManufacturingSiteDays,
        SourcedNumber manufacturingDays,
        SourcedNumber releaseTestingDays,
        SourcedNumber returnShippingDays,
        SourcedNumber medianVeinToVeinDays) {
}
