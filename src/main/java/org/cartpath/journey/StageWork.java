package org.cartpath.journey;

/**
 * Implemented by a stage module whose work for a stage can be done before the case enters it (the pharmacist may
 * plan and verify lymphodepletion as soon as the product is released, before it is received): the journey then
 * does not open the stage's default task ({@link StageTasks}), which would ask for work already done.
 *
 * <p>Called inside the transaction that moves the case; it only reads, and never refuses.
 */
public interface StageWork {

    /** Whether the work of {@code stage}'s default task is already done for the case. */
    boolean alreadyDone(CaseId caseId, Stage stage);
}
