package org.cartpath.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every text a client can send in a JSON request body has a documented maximum length
 * (docs/security-and-reliability.md, "Input limits and HTTP edges"): a String component of a request record
 * without {@code @Size(max = …)} fails the build, so the next field cannot forget its limit.
 */
class ApiRequestLimitsTest {

    @Test
    void everyTextFieldOfEveryApiRequestBodyHasAMaximumLength() throws Exception {
        Set<String> unlimited = new TreeSet<>();
        Set<Class<?>> bodies = requestBodyTypes();
        assertThat(bodies).as("the scan finds the request bodies").hasSizeGreaterThan(50);
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> body : bodies) {
            walk(body, seen, unlimited);
        }
        assertThat(unlimited).as("String fields of API request bodies without @Size(max = …), nested records without @Valid").isEmpty();
    }

    static Set<Class<?>> requestBodyTypes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> bodies = new HashSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.cartpath")) {
            Class<?> controller = ClassUtils.forName(definition.getBeanClassName(), ApiRequestLimitsTest.class.getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        bodies.add(parameter.getType());
                    }
                }
            }
        }
        return bodies;
    }

    private static void walk(Class<?> type, Set<Class<?>> seen, Set<String> unlimited) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getName().replaceFirst("^org\\.cartpath\\.", "") + "." + component.getName();
            AnnotatedType annotated = component.getAnnotatedType();
            if (component.getType() == String.class) {
                if (!limited(component.getAccessor(), annotated)) {
                    unlimited.add(name);
                }
            } else if (Collection.class.isAssignableFrom(component.getType())
                    && annotated instanceof AnnotatedParameterizedType parameterized) {
                AnnotatedType element = parameterized.getAnnotatedActualTypeArguments()[0];
                if (element.getType() == String.class) {
                    if (!element.isAnnotationPresent(Size.class)) {
                        unlimited.add(name + "[]");
                    }
                    if (!limited(component.getAccessor(), annotated)) {
                        unlimited.add(name + " (how many)");
                    }
                } else if (element.getType() instanceof Class<?> elementClass && elementClass.isRecord()) {
                    if (!component.getAccessor().isAnnotationPresent(Valid.class)) {
                        unlimited.add(name + " (not @Valid: its fields go unchecked)");
                    }
                    walk(elementClass, seen, unlimited);
                }
            } else if (Map.class.isAssignableFrom(component.getType())) {
                if (!limited(component.getAccessor(), annotated)) {
                    unlimited.add(name + " (how many)");
                }
            } else if (component.getType().isRecord()) {
                if (!component.getAccessor().isAnnotationPresent(Valid.class)) {
                    unlimited.add(name + " (not @Valid: its fields go unchecked)");
                }
                walk(component.getType(), seen, unlimited);
            }
        }
    }

    private static boolean limited(Method accessor, AnnotatedType type) {
        Size size = accessor.getAnnotation(Size.class);
        if (size == null) {
            size = type.getAnnotation(Size.class);
        }
        return size != null && size.max() < Integer.MAX_VALUE;
    }

}
