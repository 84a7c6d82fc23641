package io.workflowversions.admin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.workflowversions.config.ServiceConfig;
import io.workflowversions.security.Credential;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.CredentialType;
import io.workflowversions.security.NewCredential;
import io.workflowversions.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In zero-configuration mode (embedded database, no admin token configured) the first start creates one set of
 * credentials per dialect, so that a newcomer can call every API at once. They are listed in the README, passwords
 * included, so they exist only while the service listens on loopback alone: a start bound to any other address
 * creates none and removes those an earlier start left, unless {@code workflow-versions.demo-credentials=true} is set.
 * Elsewhere they exist only when that setting is true.
 */
@ApplicationScoped
public class DemoCredentials {

    private static final Logger LOG = Logger.getLogger(DemoCredentials.class);

    static final List<NewCredential> DEMO = List.of(
            new NewCredential("fortanix", CredentialType.PASSWORD, "demo@fortanix.test", "demo-password", null,
                    "6f6e7c52-1b6e-4c8e-9d0a-5c1d2f3e4a5b", null, Role.MANAGER, "Fortanix Demo"),
            new NewCredential("secmaster", CredentialType.PASSWORD, "demo", "demo-password", null,
                    "0b5d1a6c8e2f4a7b9c3d5e7f9a1b3c5d", null, Role.MANAGER, "SecMaster Demo"),
            new NewCredential("secmaster", CredentialType.ACCESS_KEY, null, "demo-secret-key-0123456789", "DEMOACCESSKEY0001",
                    "0b5d1a6c8e2f4a7b9c3d5e7f9a1b3c5d", null, Role.MANAGER, "SecMaster Demo SDK"),
            new NewCredential("frankieone", CredentialType.API_KEY, null, "demo-frankieone-api-key", null,
                    "demo-customer", null, Role.WRITER, "FrankieOne Demo"),
            new NewCredential("patchworks", CredentialType.API_KEY, null, "demo-patchworks-api-key", null,
                    "1", null, Role.WRITER, "Patchworks Demo"),
            new NewCredential("patchworks", CredentialType.PASSWORD, "admin@patchworks.test", "demo-password", null,
                    "1", null, Role.ADMIN, "Patchworks Admin"));

    private final ServiceConfig config;
    private final AdminToken adminToken;
    private final CredentialService credentials;
    private final String host;

    DemoCredentials(ServiceConfig config, AdminToken adminToken, CredentialService credentials,
            @ConfigProperty(name = "quarkus.http.host") String host) {
        this.config = config;
        this.adminToken = adminToken;
        this.credentials = credentials;
        this.host = host;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        boolean zeroConfiguration = config.embeddedDatabase() && !adminToken.configured();
        boolean loopback = loopbackOnly(host);
        if (!config.demoCredentials().orElse(zeroConfiguration && loopback)) {
            if (!loopback) {
                int removed = VertxContextSupport.subscribeAndAwait(this::removeAll);
                if (zeroConfiguration || removed > 0) {
                    LOG.infof("Listening on %s, not on loopback alone: no demo credentials (their passwords are "
                            + "published; WORKFLOW_VERSIONS_DEMO_CREDENTIALS=true creates them anyway)%s", host,
                            removed > 0 ? "; removed the " + removed + " an earlier start on loopback created" : "");
                }
            }
            return;
        }
        if (loopback) {
            LOG.infof("Listening on loopback (%s) alone: the demo credentials are available", host);
        } else {
            LOG.warnf("Listening on %s with WORKFLOW_VERSIONS_DEMO_CREDENTIALS=true: the demo credentials, whose "
                    + "passwords are published, can be used from the network", host);
        }
        List<NewCredential> created = VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().iterable(DEMO)
                .onItem().transformToUniAndConcatenate(this::createIfAbsent)
                .collect().asList())
                .stream().filter(c -> c != null).toList();
        if (!created.isEmpty()) {
            LOG.infof("Created the demo credentials (see the README):%n%s", describe(created));
        }
    }

    /** Whether the HTTP server listens on loopback addresses only ({@code 0.0.0.0} is every interface). */
    static boolean loopbackOnly(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Deletes every demo credential there is; answers how many. */
    private Uni<Integer> removeAll() {
        return Multi.createFrom().iterable(DEMO)
                .onItem().transformToUniAndConcatenate(demo -> credentials
                        .list(Optional.of(demo.dialect()), Optional.of(demo.tenant()))
                        .map(list -> list.stream().filter(c -> isDemo(c, demo)).toList()))
                .onItem().transformToIterable(list -> list)
                .onItem().transformToUniAndConcatenate(c -> credentials.delete(c.id).replaceWith(1))
                .collect().asList().map(List::size);
    }

    private static boolean isDemo(Credential credential, NewCredential demo) {
        return credential.type.equals(demo.type().wireName()) && switch (demo.type()) {
            case PASSWORD -> demo.username().equalsIgnoreCase(credential.username);
            case ACCESS_KEY -> demo.accessKey().equals(credential.accessKey);
            case API_KEY -> demo.displayName().equals(credential.displayName);
        };
    }

    private Uni<NewCredential> createIfAbsent(NewCredential demo) {
        String identity = demo.type() == CredentialType.ACCESS_KEY ? demo.accessKey()
                : demo.type() == CredentialType.PASSWORD ? demo.username() : null;
        Uni<Boolean> exists = identity != null
                ? credentials.exists(demo.dialect(), demo.type(), identity)
                : credentials.list(Optional.of(demo.dialect()), Optional.of(demo.tenant()))
                        .map(list -> list.stream().anyMatch(c -> isDemo(c, demo)));
        return exists.flatMap(present -> present ? Uni.createFrom().nullItem()
                : credentials.create(demo).replaceWith(demo));
    }

    private static String describe(List<NewCredential> created) {
        StringBuilder text = new StringBuilder();
        for (NewCredential c : created) {
            text.append(String.format("  %-10s %-10s tenant=%s %s%n", c.dialect(), c.type().wireName(), c.tenant(),
                    switch (c.type()) {
                        case PASSWORD -> "user=" + c.username() + " password=" + c.secret();
                        case API_KEY -> "api key=" + c.secret();
                        case ACCESS_KEY -> "access key=" + c.accessKey() + " secret key=" + c.secret();
                    }));
        }
        return text.toString();
    }
}
