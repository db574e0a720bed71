package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one ordering rule of every list: urgent cases first, each group in the list's own order. */
class CaseUrgencyTest {

    private final CaseId a = CaseId.random();
    private final CaseId b = CaseId.random();
    private final CaseId c = CaseId.random();
    private final CaseId d = CaseId.random();

    @Test
    void urgentCasesComeFirstAndEachGroupKeepsTheListsOwnOrder() {
        List<CaseId> listed = List.of(a, b, c, d);
        assertThat(CaseUrgency.urgentFirst(listed, Function.identity(), Set.of(d, b))).containsExactly(b, d, a, c);
    }

    @Test
    void withoutAnUrgentCaseTheListIsUnchanged() {
        List<CaseId> listed = List.of(c, a, b);
        assertThat(CaseUrgency.urgentFirst(listed, Function.identity(), Set.of())).containsExactly(c, a, b);
        assertThat(CaseUrgency.urgentFirst(listed, Function.identity(), Set.of(CaseId.random()))).containsExactly(c, a, b);
    }

    @Test
    void severalItemsOfOneUrgentCaseStayTogetherInTheirOrder() {
        record Task(String title, CaseId caseId) {
        }
        List<Task> tasks = List.of(new Task("1", a), new Task("2", b), new Task("3", a), new Task("4", b));
        assertThat(CaseUrgency.urgentFirst(tasks, Task::caseId, Set.of(b))).extracting(Task::title)
                .containsExactly("2", "4", "1", "3");
    }
}
