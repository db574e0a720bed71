package org.cartpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Page;
import org.cartpath.shared.PublishedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Who can see this query's rows?" has one answer: the {@link DataScope} that {@link DataVisibility} made from the
 * actor (docs/architecture.md). This rule fails the build when a method of a class that queries the database lists rows
 * (or counts them) without one.
 *
 * <p>A method lists rows when it is not private and answers a collection, a map, a page or a count. It is narrowed to rows
 * the caller has already authorised when it takes the key of a record (a {@code CaseId}, a {@code UUID}, a record such
 * as a {@code Shipment}, a collection of those, or a text parameter named {@code …Id}); an {@link OrganisationId} is
 * not such a key, since deciding which organisation's rows an actor sees is exactly the scope's work. Every other
 * listing method takes a {@code DataScope}, or takes the {@link Actor} and asks {@code DataVisibility} itself, or is
 * marked {@link InternalJob} (a job, a check or a counter whose rows no actor sees) or {@link PublishedData} (rows
 * published to every organisation), with its reason.
 */
class ScopedReadsTest {

    /** Methods of query classes that write and answer a number; they list nothing. */
    private static final Map<String, String> WRITES = Map.of(
            "org.cartpath.audit.AuditTrail.record", "appends an audit row and answers its id",
            "org.cartpath.custody.internal.IdentifierStore.next", "allocates the next number of a counter");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainCode() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cartpath");
    }

    @Test
    void everyMethodThatListsRowsTakesADataScopeOrSaysWhyNot() {
        List<String> unscoped = new ArrayList<>();
        for (JavaMethod method : listingMethods()) {
            if (!narrowedToAuthorisedRecords(method) && !scoped(method) && !marked(method)) {
                unscoped.add(method.getFullName());
            }
        }
        assertThat(unscoped).as("methods that list rows without a DataScope (take one, or mark the method "
                + "@InternalJob or @PublishedData with the reason)").isEmpty();
    }

    @Test
    void theRuleSeesTheListingMethodsOfTheStores() {
        // the rule's own check: it finds the methods it is about, so an empty list of failures means something
        List<String> names = listingMethods().stream().map(m -> m.getOwner().getSimpleName() + "." + m.getName()).toList();
        assertThat(names).contains("JourneyStore.worklist", "PatientStore.search", "ReferralStore.ofOrganisation",
                "BookingStore.ofManufacturer", "PanelStore.meetings", "WorklistStore.open", "AuditLog.search");
        assertThat(listingMethods()).hasSizeGreaterThan(60);
    }

    @Test
    void aMethodListingAnOrganisationsRowsByItsIdIsNotNarrowedByIt() {
        JavaMethod byOrganisation = method("org.cartpath.scheduling.internal.ApheresisStore", "counters");
        assertThat(byOrganisation.getRawParameterTypes()).extracting(JavaClass::getSimpleName).contains("OrganisationId");
        assertThat(narrowedToAuthorisedRecords(byOrganisation)).isFalse();
        assertThat(scoped(byOrganisation)).as("it takes the scope as well as the centre").isTrue();
        JavaMethod byCase = method("org.cartpath.monitoring.internal.AlertStore", "ofCase");
        assertThat(narrowedToAuthorisedRecords(byCase)).isTrue();
    }

    @Test
    void everyMarkedExceptionIsListedWithItsReason() {
        Map<String, String> marked = new TreeMap<>();
        for (JavaMethod method : listingMethods()) {
            method.tryGetAnnotationOfType(InternalJob.class).ifPresent(a -> marked.put(method.getFullName(), a.value()));
            method.tryGetAnnotationOfType(PublishedData.class).ifPresent(a -> marked.put(method.getFullName(), a.value()));
        }
        assertThat(marked).isNotEmpty().allSatisfy((name, reason) -> assertThat(reason).as(name).hasSizeGreaterThan(20));
    }

    private static List<JavaMethod> listingMethods() {
        List<JavaMethod> methods = new ArrayList<>();
        for (JavaClass owner : classes) {
            boolean queries = owner.getFields().stream().anyMatch(f -> f.getRawType().getName()
                    .startsWith("org.springframework.jdbc.core"));
            if (!queries || owner.getName().contains("$")) {
                continue;
            }
            for (JavaMethod method : owner.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PRIVATE)
                        && !method.getModifiers().contains(JavaModifier.STATIC)
                        && !WRITES.containsKey(method.getFullName().replaceAll("\\(.*", ""))
                        && listsRows(method.getRawReturnType())) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    private static boolean listsRows(JavaClass returned) {
        String name = returned.getName();
        return returned.isAssignableTo(Collection.class) || returned.isAssignableTo(Map.class)
                || returned.isAssignableTo(java.util.stream.Stream.class) || name.equals(Page.class.getName())
                || name.equals("long") || name.equals("int");
    }

    private static boolean narrowedToAuthorisedRecords(JavaMethod method) {
        Method reflected = method.reflect();
        for (Parameter parameter : reflected.getParameters()) {
            if (isKey(parameter.getType(), parameter.getParameterizedType())
                    || (parameter.getType() == String.class && parameter.getName().endsWith("Id"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKey(Class<?> type, Type generic) {
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return isKey(element, element);
        }
        if (type == UUID.class) {
            return true;
        }
        return type.getName().startsWith("org.cartpath.") && !type.isEnum() && type != OrganisationId.class
                && type != Actor.class && type != DataScope.class && type != Page.Request.class;
    }

    private static boolean scoped(JavaMethod method) {
        if (method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(DataScope.class))) {
            return true;
        }
        return method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Actor.class))
                && method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(DataVisibility.class));
    }

    private static boolean marked(JavaMethod method) {
        return method.isAnnotatedWith(InternalJob.class) || method.isAnnotatedWith(PublishedData.class);
    }

    private static JavaMethod method(String owner, String name) {
        Optional<JavaMethod> found = classes.get(owner).getMethods().stream().filter(m -> m.getName().equals(name))
                .findFirst();
        return found.orElseThrow();
    }
}
