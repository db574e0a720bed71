package org.cartpath.patient.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.patient.ConsentForm;
import org.cartpath.patient.ConsentFormContent;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.rules.SignedFormChecks.CheckedForm;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for signed consent forms: inserted once with their consent entry, never changed (the table is append-only). */
@Repository
public class ConsentFormStore {

    private static final String COLUMNS = """
            id, consent_id, file_name, content_type, size_bytes, sha256, uploaded_by_name, organisation_name, uploaded_at""";

    private final JdbcClient jdbc;

    ConsentFormStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ConsentForm insert(PatientId patient, UUID consentId, CheckedForm form, Actor actor, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into patient_consent_form (id, patient_id, consent_id, file_name, content_type, size_bytes, sha256,
                    content, uploaded_by_id, uploaded_by_name, organisation_id, organisation_name, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.value(), consentId, form.fileName(), form.contentType(), form.content().length,
                        form.sha256(), form.content(), actor.id(), actor.displayName(), actor.organisationId().value(),
                        actor.organisationName(), Timestamp.from(at))
                .update();
        return new ConsentForm(id, consentId, form.fileName(), form.contentType(), form.content().length, form.sha256(),
                actor.displayName(), actor.organisationName(), at);
    }

    public List<ConsentForm> list(PatientId patient) {
        return jdbc.sql("select " + COLUMNS + " from patient_consent_form where patient_id = ? order by uploaded_at, id")
                .param(patient.value()).query(ConsentFormStore::form).list();
    }

    public Optional<ConsentFormContent> find(PatientId patient, UUID consentId) {
        return jdbc.sql("select " + COLUMNS + ", content from patient_consent_form where patient_id = ? and consent_id = ?")
                .params(patient.value(), consentId)
                .query((row, n) -> new ConsentFormContent(form(row, n), row.getBytes("content"))).optional();
    }

    private static ConsentForm form(ResultSet row, int n) throws SQLException {
        return new ConsentForm(row.getObject("id", UUID.class), row.getObject("consent_id", UUID.class),
                row.getString("file_name"), row.getString("content_type"), row.getInt("size_bytes"),
                row.getString("sha256"), row.getString("uploaded_by_name"), row.getString("organisation_name"),
                row.getTimestamp("uploaded_at").toInstant());
    }
}
