package io.workflowversions.dialect.fortanix;

import io.workflowversions.dialect.fortanix.api.model.DockerNetworkPort;
import io.workflowversions.dialect.fortanix.api.model.WorkflowAppDeployment;
import io.workflowversions.dialect.fortanix.api.model.WorkflowDeployment;
import io.workflowversions.dialect.fortanix.api.model.WorkflowEdge;
import io.workflowversions.dialect.fortanix.api.model.WorkflowMetadata;
import io.workflowversions.dialect.fortanix.api.model.WorkflowObject;
import io.workflowversions.dialect.fortanix.api.model.WorkflowObjectFinalApp;
import io.workflowversions.dialect.fortanix.api.model.WorkflowObjectRef;
import io.workflowversions.dialect.fortanix.api.model.WorkflowObjectRefApp;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The rules a workflow graph obeys beyond its JSON shape (all broken rules answer 400), and the runtime
 * configuration the server derives from a graph.
 */
final class GraphRules {

    private GraphRules() {
    }

    /** Checks objects, edges, metadata and labels; {@code prefix} is where they sit in the body ("" or "contents."). */
    static void checkGraph(String prefix, Map<String, WorkflowObject> objects, Map<String, WorkflowEdge> edges,
            WorkflowMetadata metadata, Map<String, String> labels) {
        require(objects != null, prefix + "objects", "is required");
        require(edges != null, prefix + "edges", "is required");
        objects.forEach((id, object) -> {
            String at = prefix + "objects." + id;
            require(object != null, at, "must be an object");
            require(object.getName() != null, at + ".name", "is required");
            require(object.getRef() != null, at + ".ref", "is required");
            WorkflowObjectRef ref = object.getRef();
            require(count(ref.getPlaceholder(), ref.getDataset(), ref.getApp()) == 1, at + ".ref",
                    "must hold exactly one of placeholder, dataset or app");
        });
        edges.forEach((id, edge) -> {
            String at = prefix + "edges." + id;
            require(edge != null, at, "must be an object");
            require(edge.getSource() != null && edge.getSource().getId() != null, at + ".source.id", "is required");
            require(edge.getTarget() != null && edge.getTarget().getId() != null, at + ".target.id", "is required");
            require(objects.containsKey(edge.getSource().getId()), at + ".source.id",
                    "names no object of the graph: " + edge.getSource().getId());
            require(objects.containsKey(edge.getTarget().getId()), at + ".target.id",
                    "names no object of the graph: " + edge.getTarget().getId());
        });
        if (metadata != null) {
            require(metadata.getNodes() != null, prefix + "metadata.nodes", "is required");
            metadata.getNodes().forEach((id, node) -> require(node instanceof Map<?, ?>,
                    prefix + "metadata.nodes." + id, "must be an object"));
        }
        checkStrings(prefix + "labels", labels);
    }

    static void checkDeployment(String at, WorkflowDeployment deployment) {
        require(deployment != null, at, "is required");
        require(count(deployment.getKubernetesSingleJob(), deployment.getAciSingleJob()) == 1, at,
                "must hold exactly one of kubernetes_single_job or aci_single_job");
    }

    static void checkAppDeployment(String at, WorkflowAppDeployment deployment) {
        require(count(deployment.getKubernetes(), deployment.getAci()) == 1, at, "must hold exactly one of kubernetes or aci");
        if (deployment.getKubernetes() != null) {
            require(deployment.getKubernetes().getJobSpec() != null, at + ".kubernetes.job_spec", "is required");
        }
        if (deployment.getAci() != null) {
            require(deployment.getAci().getExposedPorts() != null, at + ".aci.exposed_ports", "is required");
            int index = 0;
            for (DockerNetworkPort port : deployment.getAci().getExposedPorts()) {
                String portAt = at + ".aci.exposed_ports[" + index++ + "]";
                require(port != null, portAt, "must be an object");
                require(port.getPort() != null && port.getPort() >= 1 && port.getPort() <= 65535, portAt + ".port",
                        "must be a port number from 1 to 65535");
                require(port.getProtocol() != null, portAt + ".protocol", "is required");
            }
            require(deployment.getAci().getEnvVars() != null, at + ".aci.env_vars", "is required");
            checkStrings(at + ".aci.env_vars", deployment.getAci().getEnvVars());
        }
    }

    /**
     * One entry per object whose ref is an app, keyed by the object's id: the app's image and configuration, and
     * the sorted, distinct ids of the targets of every edge leaving the object. No deployment until one is set.
     */
    static Map<String, WorkflowObjectFinalApp> runtimeConfigs(Map<String, WorkflowObject> objects,
            Map<String, WorkflowEdge> edges) {
        Map<String, WorkflowObjectFinalApp> configs = new TreeMap<>();
        objects.forEach((id, object) -> {
            WorkflowObjectRefApp app = object.getRef().getApp();
            if (app == null) {
                return;
            }
            TreeSet<String> children = new TreeSet<>();
            edges.values().stream()
                    .filter(edge -> id.equals(edge.getSource().getId()))
                    .forEach(edge -> children.add(edge.getTarget().getId()));
            configs.put(id, new WorkflowObjectFinalApp()
                    .imageId(app.getImageId())
                    .configId(app.getConfigId())
                    .childNodes(children.stream().toList()));
        });
        return configs;
    }

    private static void checkStrings(String at, Map<String, String> values) {
        if (values != null) {
            values.forEach((key, value) -> require(value != null, at + "." + key, "must be a string"));
        }
    }

    private static long count(Object... variants) {
        return Stream.of(variants).filter(Objects::nonNull).count();
    }

    static void require(boolean holds, String field, String problem) {
        if (!holds) {
            throw new ApiException(Failure.invalid(field, problem));
        }
    }
}
