package org.cartpath.scheduling.planning;

/**
 * The numbers a plan rests on, each with its source.
 *
 * @param shippingToSite                 from apheresis to the cells' arrival at the manufacturing site
 * @param manufacturing                  from the start of manufacturing to its end
 * @param releaseTesting                 quality control before release
 * @param returnShipping                 from release to receipt at the treatment centre
 * @param lymphodepletionAfterReceipt    days from receipt of the product to the first chemotherapy day
 * @param inpatientDays                  bed days from the infusion
 */
public record PlanningLeadTimes(LeadTime shippingToSite, LeadTime manufacturing, LeadTime releaseTesting,
        LeadTime returnShipping, LeadTime lymphodepletionAfterReceipt, LeadTime inpatientDays) {
}
