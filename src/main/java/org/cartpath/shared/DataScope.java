package org.cartpath.shared;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which organisations' rows a query may return to an actor, turned into SQL in one shared way (docs/architecture.md,
 * "Who can see this query's rows?"). Only {@link DataVisibility} makes one, from the actor: a store method that lists
 * organisation-owned rows takes a scope, writes {@link #owns} or {@link #reachesCase} into its {@code WHERE} clause
 * and {@link #bind}s it; it never decides visibility itself. {@code ScopedReadsTest} fails the build when a store
 * method lists such rows without a scope and is not marked {@link InternalJob}.
 *
 * <p>A scope names one organisation, every organisation (cartpath's own jobs, the operator's administrators for
 * administrative records, a commissioner's aggregate figures) or none (an actor with no organisation: no rows). It
 * also says whether the patient's identity may be shown ({@link #identityVisible}).
 */
public final class DataScope {

    /** The named parameter every scoped query binds. */
    public static final String PARAMETER = "scopeOrganisation";

    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private enum Extent { ONE, EVERY, NONE }

    private final Extent extent;
    private final OrganisationId organisation;
    private final boolean identityVisible;

    private DataScope(Extent extent, OrganisationId organisation, boolean identityVisible) {
        this.extent = extent;
        this.organisation = organisation;
        this.identityVisible = identityVisible;
    }

    static DataScope of(OrganisationId organisation, boolean identityVisible) {
        return new DataScope(Extent.ONE, Objects.requireNonNull(organisation), identityVisible);
    }

    static DataScope everyOrganisation(boolean identityVisible) {
        return new DataScope(Extent.EVERY, null, identityVisible);
    }

    static DataScope nothing() {
        return new DataScope(Extent.NONE, null, false);
    }

    /** The one organisation in scope, or {@code null} when the scope is every organisation or none. */
    public OrganisationId organisation() {
        return organisation;
    }

    public boolean everyOrganisation() {
        return extent == Extent.EVERY;
    }

    /** Whether rows may show the patient's name, NHS number, date of birth and address. */
    public boolean identityVisible() {
        return identityVisible;
    }

    /** Whether a row owned by {@code owner} is in scope: the same rule as {@link #owns}, for a row already read. */
    public boolean includes(OrganisationId owner) {
        return switch (extent) {
            case EVERY -> true;
            case NONE -> false;
            case ONE -> organisation.equals(owner);
        };
    }

    /** SQL condition: the row's {@code organisationColumn} names an organisation in scope. */
    public String owns(String organisationColumn) {
        String column = column(organisationColumn);
        return switch (extent) {
            case EVERY -> "true";
            case NONE -> "false";
            case ONE -> column + " = :" + PARAMETER;
        };
    }

    /**
     * SQL condition: the case whose id is in {@code caseIdColumn} is reached by the organisation in scope as one of its
     * parties, for as long as that party's role reaches the case's stage (the {@code case_reach} view, which encodes
     * {@code journey.PartyRole}'s reach; ADR 0019).
     */
    public String reachesCase(String caseIdColumn) {
        String column = column(caseIdColumn);
        return switch (extent) {
            case EVERY -> "true";
            case NONE -> "false";
            case ONE -> "exists (select 1 from case_reach scope_reach where scope_reach.case_id = " + column
                    + " and scope_reach.organisation_id = :" + PARAMETER + ")";
        };
    }

    /**
     * SQL condition: the patient whose id is in {@code patientIdColumn} is one the organisation in scope has access to
     * (the {@code patient_access} rows written when it registered or was referred the patient; ADR 0009).
     */
    public String reachesPatient(String patientIdColumn) {
        String column = column(patientIdColumn);
        return switch (extent) {
            case EVERY -> "true";
            case NONE -> "false";
            case ONE -> "exists (select 1 from patient_access scope_access where scope_access.patient_id = " + column
                    + " and scope_access.organisation_id = :" + PARAMETER + ")";
        };
    }

    /** Binds the scope's parameter (unused parameters are ignored, so bind whichever condition the SQL uses). */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        UUID value = extent == Extent.ONE ? organisation.value() : null;
        return statement.param(PARAMETER, value);
    }

    private static String column(String column) {
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a column name: " + column);
        }
        return column;
    }

    @Override
    public String toString() {
        return switch (extent) {
            case EVERY -> "every organisation";
            case NONE -> "no organisation";
            case ONE -> "organisation " + organisation.value();
        } + (identityVisible ? "" : ", pseudonymised");
    }
}
