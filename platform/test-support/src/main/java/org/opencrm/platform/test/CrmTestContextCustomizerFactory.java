package org.opencrm.platform.test;

import java.util.List;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Points every {@link CrmIntegrationTest} context at the test database, broker and token key. */
class CrmTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, CrmIntegrationTest.class)) {
            return null;
        }
        return new TestInfrastructure();
    }

    /** Equal for every test class, so all of a service's integration tests share one context. */
    private static final class TestInfrastructure implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("crmTestInfrastructure", CrmTestProperties.all()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestInfrastructure;
        }

        @Override
        public int hashCode() {
            return TestInfrastructure.class.hashCode();
        }
    }
}
