package org.cartpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/**
 * No code that runs inside a transaction catches a refusal thrown by a {@code @Transactional} method it called: the
 * refusal marks the joined transaction rollback-only, so the commit then fails (a 500 where the code meant to carry
 * on). Ask first ({@code may…}, {@code find…} answering an Optional) or make the operation idempotent instead.
 *
 * <p>"Runs inside a transaction": a {@code @Transactional} method, or any method such a method calls, directly or
 * through other calls (an interface call counts for every implementation). A catch that rethrows ends the
 * transaction in a refusal anyway; the few that do so are listed below with the reason.
 */
class TransactionRefusalsTest {

    /** Catches of a refusal that always end in a refusal themselves (they rename or narrow it), so nothing commits. */
    private static final Map<String, String> RETHROWING = Map.of(
            "org.cartpath.referral.Referrals.patient", "rethrows with the fields prefixed, or adds them to "
                    + "the problems the referral is then refused with (NewReferralChecks.throwIfAny)",
            "org.cartpath.referral.Referrals.recordDiagnosis", "rethrows with the referral's field names",
            "org.cartpath.referral.Referrals.open", "rethrows the case-already-open conflict with the detail "
                    + "the referrer may see");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainCode() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cartpath");
    }

    @Test
    void noCodeInsideATransactionCatchesARefusalOfATransactionalMethodItCalled() {
        Set<JavaCodeUnit> insideTransactions = insideTransactions();
        List<String> violations = new ArrayList<>();
        for (JavaCodeUnit unit : insideTransactions) {
            String name = unit.getOwner().getName() + "." + unit.getName();
            if (RETHROWING.containsKey(name)) {
                continue;
            }
            for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                if (block.getCaughtThrowables().stream().noneMatch(TransactionRefusalsTest::catchesARefusal)) {
                    continue;
                }
                block.getAccessesContainedInTryBlock().stream()
                        .filter(JavaMethodCall.class::isInstance).map(JavaMethodCall.class::cast)
                        .filter(call -> !call.getTargetOwner().equals(unit.getOwner())) // no proxy on self-calls
                        .filter(call -> call.getTarget().resolveMember().map(TransactionRefusalsTest::transactional)
                                .orElse(false))
                        .forEach(call -> violations.add(name + " (line " + block.getSourceCodeLocation().getLineNumber()
                                + ") catches a refusal of " + call.getTarget().getFullName()));
            }
        }
        assertThat(insideTransactions).as("the analysis found the transactional code").hasSizeGreaterThan(100);
        assertThat(violations).isEmpty();
    }

    @Test
    void theRuleFindsTheWorklistSearchThatCaughtThePatientModulesRefusal() {
        // the rule's own check: a method known to run inside a transaction is seen as such
        assertThat(insideTransactions()).extracting(u -> u.getOwner().getSimpleName() + "." + u.getName())
                .contains("CaseJourney.worklist", "ChecklistFindings.of", "Waitlist.expireOffers");
    }

    private static boolean catchesARefusal(JavaClass caught) {
        return caught.isAssignableTo(ProblemException.class) || caught.isAssignableFrom(ProblemException.class);
    }

    private static boolean transactional(JavaCodeUnit unit) {
        return unit.isAnnotatedWith(Transactional.class) || unit.getOwner().isAnnotatedWith(Transactional.class);
    }

    /** Every code unit a transactional method may reach by calls within cartpath. */
    private static Set<JavaCodeUnit> insideTransactions() {
        Set<JavaCodeUnit> reached = new HashSet<>();
        Deque<JavaCodeUnit> queue = new ArrayDeque<>();
        for (JavaClass javaClass : classes) {
            for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                if (transactional(unit) && reached.add(unit)) {
                    queue.add(unit);
                }
            }
        }
        while (!queue.isEmpty()) {
            JavaCodeUnit unit = queue.remove();
            for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                if (!call.getTargetOwner().getPackageName().startsWith("org.cartpath")) {
                    continue;
                }
                for (JavaMethod target : call.getTarget().resolveMember().stream().toList()) {
                    List<JavaCodeUnit> candidates = new ArrayList<>(List.of(target));
                    for (JavaClass implementation : target.getOwner().getAllSubclasses()) {
                        implementation.tryGetMethod(target.getName(), target.getRawParameterTypes().stream()
                                .map(JavaClass::getName).toArray(String[]::new)).ifPresent(candidates::add);
                    }
                    for (JavaCodeUnit candidate : candidates) {
                        if (reached.add(candidate)) {
                            queue.add(candidate);
                        }
                    }
                }
            }
        }
        return reached;
    }
}
