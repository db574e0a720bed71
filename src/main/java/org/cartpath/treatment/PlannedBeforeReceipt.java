package org.cartpath.treatment;

import org.cartpath.journey.CaseId;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageWork;
import org.cartpath.treatment.internal.LymphodepletionStore;
import org.springframework.stereotype.Component;

/**
 * The pharmacist may plan and verify lymphodepletion once the product is released, before it is received
 * ({@link LymphodepletionPlanning#PLANNING_STAGES}): then the product's receipt must not ask again to "Plan
 * lymphodepletion", the default task of "Product received". A plan not yet verified leaves the task to open.
 */
@Component
class PlannedBeforeReceipt implements StageWork {

    private final LymphodepletionStore store;

    PlannedBeforeReceipt(LymphodepletionStore store) {
        this.store = store;
    }

    @Override
    public boolean alreadyDone(CaseId caseId, Stage stage) {
        return stage == Stage.RECEIVED && store.current(caseId).filter(LymphodepletionPlanRecord::verified).isPresent();
    }
}
