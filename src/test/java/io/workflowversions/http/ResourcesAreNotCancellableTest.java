package io.workflowversions.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.workflowversions.boot.WorkflowVersionsMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.junit.jupiter.api.Test;

/**
 * A request whose client hangs up must still run to its end: cancelled half-way, its database session would keep the
 * transaction (and its row locks) open and its connection out of the pool. So every class that implements an
 * interface generated from a spec is marked {@code @Cancellable(false)}; a new resource cannot forget it.
 * {@code ResourceLimitsIT} shows the behaviour on the running service.
 */
class ResourcesAreNotCancellableTest {

    @Test
    void everyResourceRunsToTheEndWhenItsClientHangsUp() throws IOException, URISyntaxException {
        List<Class<?>> resources = resources();
        assertThat(resources).hasSizeGreaterThanOrEqualTo(15);
        assertThat(resources).allSatisfy(resource -> {
            Cancellable cancellable = resource.getAnnotation(Cancellable.class);
            assertThat(cancellable).as(resource.getName()).isNotNull();
            assertThat(cancellable.value()).as(resource.getName()).isFalse();
        });
    }

    /** The service's classes that implement an interface of a generated {@code .api} package. */
    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        Path classes = Path.of(WorkflowVersionsMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .filter(name -> !name.contains(".api."))
                    .map(ResourcesAreNotCancellableTest::load)
                    .filter(type -> !type.isInterface() && Arrays.stream(type.getInterfaces())
                            .anyMatch(i -> i.getPackageName().endsWith(".api")))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourcesAreNotCancellableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
