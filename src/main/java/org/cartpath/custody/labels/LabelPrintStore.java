package org.cartpath.custody.labels;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LabelPrintStore {

    private final JdbcClient jdbc;

    LabelPrintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LabelPrint p, Actor actor) {
        PatientIdentity patient = p.patient();
        jdbc.sql("""
                insert into custody_label_print (id, case_id, item_id, kind, coi, din, product_name, collection_date,
                    patient_name, patient_nhs_number, patient_hospital_number, patient_date_of_birth, reprint, reason,
                    printed_at, printed_by_id, printed_by_name, organisation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.caseId().value(), p.itemId(), p.kind().name(), p.coi().content(),
                        p.din() == null ? null : p.din().value(), p.productName(), Date.valueOf(p.collectionDate()),
                        patient == null ? null : patient.name(), patient == null ? null : patient.nhsNumber(),
                        patient == null ? null : patient.hospitalNumber(),
                        patient == null ? null : Date.valueOf(patient.dateOfBirth()), p.reprint(), p.reason(),
                        Timestamp.from(p.printedAt()), actor.id(), p.printedByName(), actor.organisationId().value())
                .update();
    }

    boolean printed(UUID itemId, LabelKind kind) {
        return jdbc.sql("select exists (select 1 from custody_label_print where item_id = ? and kind = ?)")
                .params(itemId, kind.name()).query(Boolean.class).single();
    }

    Optional<LabelPrint> find(UUID id) {
        return jdbc.sql("select * from custody_label_print where id = ?").param(id).query(LabelPrintStore::read).optional();
    }

    Optional<LabelPrint> latest(CaseId caseId, LabelKind kind) {
        return jdbc.sql("select * from custody_label_print where case_id = ? and kind = ? order by printed_at desc limit 1")
                .params(caseId.value(), kind.name()).query(LabelPrintStore::read).optional();
    }

    List<LabelPrint> ofCase(CaseId caseId) {
        return jdbc.sql("select * from custody_label_print where case_id = ? order by printed_at")
                .param(caseId.value()).query(LabelPrintStore::read).list();
    }

    private static LabelPrint read(ResultSet row, int n) throws SQLException {
        String din = row.getString("din");
        String name = row.getString("patient_name");
        PatientIdentity patient = name == null ? null : new PatientIdentity(name, row.getString("patient_nhs_number"),
                row.getString("patient_hospital_number"), row.getDate("patient_date_of_birth").toLocalDate());
        return new LabelPrint(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getObject("item_id", UUID.class), LabelKind.valueOf(row.getString("kind")),
                new ChainOfIdentityId(row.getString("coi")), din == null ? null : new Din(din),
                row.getString("product_name"), row.getDate("collection_date").toLocalDate(), patient,
                row.getBoolean("reprint"), row.getString("reason"), row.getTimestamp("printed_at").toInstant(),
                row.getString("printed_by_name"));
    }
}
