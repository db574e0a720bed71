package org.cartpath.monitoring;

/**
 * What one actor may do with one case's monitoring (the services enforce the same rules).
 *
 * @param see         read the monitoring (treating centre's ward nurses, consultants, coordinators, pharmacists)
 * @param start       record day 0
 * @param assess      record and correct assessments, weights and tocilizumab doses
 * @param override    override a tocilizumab rule (consultants)
 * @param acknowledge acknowledge alerts (consultants, coordinators)
 * @param countStock  record the tocilizumab stock (pharmacists, consultants, coordinators)
 */
public record MonitoringPermissions(boolean see, boolean start, boolean assess, boolean override, boolean acknowledge,
        boolean countStock) {
}
