package org.cartpath.interop.outbound;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseStageChanged;
import org.cartpath.shared.OrganisationId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of the stage-change webhooks (ADR 0033): in the transaction that changes a case's stage, one delivery for
 * every active subscription of the case's treating centre and referring hospital. It commits exactly when the stage
 * change does, so a notice is never sent for a change that was rolled back, nor lost for one that committed; the
 * sender posts it after the commit. The notice names the case and its stages, never the patient (ADR 0009): the
 * receiver reads the rest with its own token, scoped as every other read.
 */
@Component
class StageChangeOutbox {

    static final String EVENT = "case.stage-changed";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WebhookSender sender;

    StageChangeOutbox(JdbcClient jdbc, JsonMapper json, WebhookSender sender) {
        this.jdbc = jdbc;
        this.json = json;
        this.sender = sender;
    }

    @EventListener
    void on(CaseStageChanged changed) {
        List<Map<String, Object>> subscriptions = jdbc.sql("""
                select id, organisation_id from interop_webhook_subscription
                where ended_at is null and organisation_id in (?, ?)""")
                .params(changed.treatingCentre().value(), changed.referringOrganisation().value())
                .query().listOfRows();
        int written = 0;
        for (Map<String, Object> subscription : subscriptions) {
            UUID deliveryId = UUID.randomUUID();
            UUID subscriptionId = (UUID) subscription.get("id");
            OrganisationId organisation = new OrganisationId((UUID) subscription.get("organisation_id"));
            written += jdbc.sql("""
                    insert into interop_webhook_delivery (id, subscription_id, case_id, case_version, event, payload,
                        created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (subscription_id, case_id, case_version) do nothing""")
                    .params(deliveryId, subscriptionId, changed.caseId().value(), changed.version(), EVENT,
                            json.writeValueAsString(payload(deliveryId, subscriptionId, organisation, changed)),
                            Timestamp.from(changed.at()), Timestamp.from(changed.at()))
                    .update();
        }
        if (written > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.sendSoon();
                }
            });
        }
    }

    /** The notice's body (docs/interop/webhooks.md): ids, stages and times; no name, NHS number or date of birth. */
    static Map<String, Object> payload(UUID deliveryId, UUID subscriptionId, OrganisationId organisation,
            CaseStageChanged changed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", deliveryId.toString());
        payload.put("subscriptionId", subscriptionId.toString());
        payload.put("event", EVENT);
        payload.put("caseId", changed.caseId().toString());
        payload.put("caseReference", changed.reference());
        payload.put("caseVersion", changed.version());
        payload.put("fromStage", changed.from() == null ? null : changed.from().name());
        payload.put("toStage", changed.to().name());
        payload.put("toStageLabel", changed.to().label());
        payload.put("occurredAt", changed.at().toString());
        payload.put("yourRole", organisation.equals(changed.treatingCentre()) ? "TREATING_CENTRE" : "REFERRING_HOSPITAL");
        payload.put("case", "/api/v1/cases/" + changed.caseId());
        return payload;
    }
}
