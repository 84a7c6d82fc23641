package io.workflowversions.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.workflowversions.dialect.fortanix.api.model.CreateWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.WorkflowObject;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Request bodies are validated without asking the ORM which properties are loaded, nested objects included. */
@QuarkusTest
class RequestValidationTest {

    @Inject
    ValidatorFactory factory;

    @Inject
    Validator validator;

    @Test
    void theValidatorTraversesEveryPropertyWithoutTheOrm() {
        assertThat(factory.getTraversableResolver()).isInstanceOf(RequestValidation.TraverseAll.class);
    }

    @Test
    void constraintsOfNestedObjectsAreStillChecked() {
        CreateWorkflowGraph graph = new CreateWorkflowGraph().name("g").description("d")
                .putObjectsItem("a", new WorkflowObject());

        Set<String> paths = validator.validate(graph).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toSet());

        assertThat(paths).contains("objects[a].name", "objects[a].ref");
    }
}
