package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every {@link JsonBody} record of the portal, for the tests that hold the API's bodies to their rules. */
final class JsonBodyRecords {

    private JsonBodyRecords() {
    }

    /** The records the API's routes read their bodies into, found on the class path. */
    static List<Class<?>> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(JsonBody.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("cn.yibao.portal")) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                // Only the portal's own records, not those of tests that exercise the reader itself.
                if (!type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                    found.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        found.sort((a, b) -> a.getName().compareTo(b.getName()));
        assertThat(found).allSatisfy(type -> assertThat(type.isRecord()).as(type + " is a record").isTrue());
        return found;
    }
}
