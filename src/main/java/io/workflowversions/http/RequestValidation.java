package io.workflowversions.http;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation here checks request bodies only (generated model classes; the entities carry no constraints), so
 * every property is reachable. With the ORM present, the default asks the ORM whether each property of each object
 * is loaded and caches the answers per validation: a profile of a 20-object Fortanix graph put that at a quarter of
 * the validation's time. Violations name properties by their JSON names ({@link JsonFieldNames}).
 */
@Singleton
class RequestValidation implements ValidatorFactoryCustomizer {

    private final JsonFieldNames fieldNames;

    RequestValidation(JsonFieldNames fieldNames) {
        this.fieldNames = fieldNames;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new TraverseAll()).enableTraversableResolverResultCache(false)
                .propertyNodeNameProvider(fieldNames);
    }

    static final class TraverseAll implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                ElementType elementType) {
            return true;
        }
    }
}
