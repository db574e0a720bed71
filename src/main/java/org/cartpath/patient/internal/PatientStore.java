package org.cartpath.patient.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.patient.Address;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientSummary;
import org.cartpath.patient.Sex;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for patients, their demographic versions and who may see them. Every list query is restricted to
 * the patients an organisation has been given access to; reading one patient by id returns its parties
 * so that the caller applies {@link org.cartpath.shared.DataVisibility}.
 */
@Repository
public class PatientStore {

    /** A patient as stored: current demographics and registration. */
    public record StoredPatient(PatientId id, Demographics demographics, OrganisationId registeredBy,
            String registeredByName, Instant registeredAt) {
    }

    private static final String SELECT = """
            select p.id, p.registered_by_organisation, p.registered_at, ro.name as registered_by_name, d.*,
                   li.name as local_number_issuer_name
            from patient p
            join patient_demographics d on d.patient_id = p.id and d.version = p.version
            join organisation ro on ro.id = p.registered_by_organisation
            left join organisation li on li.id = d.local_number_issuer
            """;

    private final JdbcClient jdbc;

    PatientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredPatient> find(PatientId id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id.value()).query(PatientStore::patient).optional();
    }

    /** Locks the patient's row for a change of demographics. */
    public Optional<StoredPatient> findForUpdate(PatientId id) {
        return jdbc.sql(SELECT + " where p.id = ? for update of p").param(id.value())
                .query(PatientStore::patient).optional();
    }

    public Optional<PatientId> idByNhsNumber(NhsNumber nhsNumber) {
        return jdbc.sql("select id from patient where nhs_number = ?").param(nhsNumber.value())
                .query((row, n) -> new PatientId(row.getObject("id", UUID.class))).optional();
    }

    public Optional<PatientId> idByLocalNumber(OrganisationId issuer, String localNumber) {
        return jdbc.sql("select id from patient where local_number_issuer = ? and upper(local_number) = upper(?)")
                .params(issuer.value(), localNumber)
                .query((row, n) -> new PatientId(row.getObject("id", UUID.class))).optional();
    }

    public List<Demographics> history(PatientId id) {
        return jdbc.sql("""
                select d.*, li.name as local_number_issuer_name from patient_demographics d
                left join organisation li on li.id = d.local_number_issuer
                where d.patient_id = ? order by d.version desc""")
                .param(id.value()).query(PatientStore::demographics).list();
    }

    public void insert(PatientId id, Demographics first, Actor actor) {
        jdbc.sql("""
                insert into patient (id, nhs_number, local_number, local_number_issuer, given_name, family_name,
                    date_of_birth, sex, address_line1, address_line2, town, postcode, registered_by_organisation,
                    registered_at, version)
                values (:id, :nhs, :local, :issuer, :given, :family, :born, :sex, :line1, :line2, :town, :postcode,
                    :organisation, :at, 0)""")
                .param("id", id.value())
                .params(headColumns(first))
                .param("organisation", actor.organisationId().value())
                .param("at", Timestamp.from(first.changedAt()))
                .update();
        insertVersion(id, first, actor);
    }

    /** Moves the patient to the next version of their demographics; false when the version was not the expected one. */
    public boolean update(PatientId id, Demographics next, Actor actor) {
        int rows = jdbc.sql("""
                update patient set nhs_number = :nhs, local_number = :local, local_number_issuer = :issuer,
                    given_name = :given, family_name = :family, date_of_birth = :born, sex = :sex,
                    address_line1 = :line1, address_line2 = :line2, town = :town, postcode = :postcode,
                    version = :version
                where id = :id and version = :version - 1""")
                .param("id", id.value())
                .param("version", next.version())
                .params(headColumns(next))
                .update();
        if (rows == 1) {
            insertVersion(id, next, actor);
        }
        return rows == 1;
    }

    private void insertVersion(PatientId id, Demographics d, Actor actor) {
        jdbc.sql("""
                insert into patient_demographics (patient_id, version, nhs_number, local_number, local_number_issuer,
                    given_name, family_name, date_of_birth, sex, address_line1, address_line2, town, postcode,
                    changed_at, changed_by_id, changed_by_name, changed_by_organisation, changed_by_organisation_name,
                    reason)
                values (:id, :version, :nhs, :local, :issuer, :given, :family, :born, :sex, :line1, :line2, :town,
                    :postcode, :at, :byId, :byName, :byOrganisation, :byOrganisationName, :reason)""")
                .param("id", id.value())
                .param("version", d.version())
                .params(headColumns(d))
                .param("at", Timestamp.from(d.changedAt()))
                .param("byId", actor.id())
                .param("byName", actor.displayName())
                .param("byOrganisation", actor.organisationId() == null ? null : actor.organisationId().value())
                .param("byOrganisationName", actor.organisationName())
                .param("reason", d.reason())
                .update();
    }

    private static java.util.Map<String, Object> headColumns(Demographics d) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        Address a = d.address() == null ? Address.NONE : d.address();
        columns.put("nhs", d.nhsNumber() == null ? null : d.nhsNumber().value());
        columns.put("local", d.localHospitalNumber());
        columns.put("issuer", d.localNumberIssuer() == null ? null : d.localNumberIssuer().value());
        columns.put("given", d.givenName());
        columns.put("family", d.familyName());
        columns.put("born", d.dateOfBirth());
        columns.put("sex", d.sex().name());
        columns.put("line1", a.line1());
        columns.put("line2", a.line2());
        columns.put("town", a.town());
        columns.put("postcode", a.postcode());
        return columns;
    }

    // --- access --------------------------------------------------------------------------------------

    /** The organisations with a reason to see the patient: the record's parties for DataVisibility. */
    public Set<OrganisationId> parties(PatientId id) {
        return new LinkedHashSet<>(jdbc.sql("select distinct organisation_id from patient_access where patient_id = ?")
                .param(id.value())
                .query((row, n) -> new OrganisationId(row.getObject("organisation_id", UUID.class)))
                .list());
    }

    /** Gives an organisation access for a reason; false when it already had access for that same reason. */
    public boolean grant(PatientId id, OrganisationId organisation, String reason, Actor actor, Instant at) {
        return jdbc.sql("""
                insert into patient_access (patient_id, organisation_id, reason, granted_at, granted_by_id, granted_by_name)
                values (?, ?, ?, ?, ?, ?)
                on conflict (patient_id, organisation_id, reason) do nothing""")
                .params(id.value(), organisation.value(), reason, Timestamp.from(at), actor.id(), actor.displayName())
                .update() == 1;
    }

    // --- search --------------------------------------------------------------------------------------

    /**
     * Patients the organisation may see, by NHS number or by name (every word of {@code name} must start
     * the given or the family name), or all of them when neither is given; in name order.
     */
    public Page<PatientSummary> search(DataScope scope, NhsNumber nhsNumber, String name, Page.Request request) {
        StringBuilder where = new StringBuilder(" where " + scope.reachesPatient("p.id"));
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (nhsNumber != null) {
            where.append(" and p.nhs_number = :nhs");
            params.put("nhs", nhsNumber.value());
        }
        List<String> words = name == null ? List.of() : List.of(name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            where.append(" and (lower(p.given_name) like :w").append(i).append(" escape '\\'")
                    .append(" or lower(p.family_name) like :w").append(i).append(" escape '\\')");
            params.put("w" + i, escapeLike(words.get(i)) + "%");
        }
        long total = scope.bind(jdbc.sql("select count(*) from patient p" + where).params(params))
                .query(Long.class).single();
        List<PatientSummary> items = scope.bind(jdbc.sql(SELECT + where
                        + " order by lower(p.family_name), lower(p.given_name), p.date_of_birth, p.id"
                        + " limit :limit offset :offset").params(params))
                .param("limit", request.size()).param("offset", request.offset())
                .query(PatientStore::patient).list().stream()
                .map(p -> new PatientSummary(p.id(), p.demographics().nhsNumber(), p.demographics().localHospitalNumber(),
                        p.demographics().localNumberIssuerName(), p.demographics().givenName(),
                        p.demographics().familyName(), p.demographics().dateOfBirth(), p.demographics().sex(),
                        p.demographics().version()))
                .toList();
        return new Page<>(new ArrayList<>(items), request.page(), request.size(), total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // --- rows ----------------------------------------------------------------------------------------

    static StoredPatient patient(ResultSet row, int n) throws SQLException {
        return new StoredPatient(new PatientId(row.getObject("id", UUID.class)), demographics(row, n),
                new OrganisationId(row.getObject("registered_by_organisation", UUID.class)),
                row.getString("registered_by_name"), row.getTimestamp("registered_at").toInstant());
    }

    static Demographics demographics(ResultSet row, int n) throws SQLException {
        String nhs = row.getString("nhs_number");
        UUID issuer = row.getObject("local_number_issuer", UUID.class);
        return new Demographics(
                row.getInt("version"),
                nhs == null ? null : new NhsNumber(nhs),
                row.getString("local_number"),
                issuer == null ? null : new OrganisationId(issuer),
                row.getString("local_number_issuer_name"),
                row.getString("given_name"),
                row.getString("family_name"),
                row.getObject("date_of_birth", java.time.LocalDate.class),
                Sex.valueOf(row.getString("sex")),
                new Address(row.getString("address_line1"), row.getString("address_line2"), row.getString("town"),
                        row.getString("postcode")),
                row.getTimestamp("changed_at").toInstant(),
                row.getString("changed_by_name"),
                row.getString("changed_by_organisation_name"),
                row.getString("reason"));
    }
}
