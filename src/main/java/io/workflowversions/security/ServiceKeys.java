package io.workflowversions.security;

import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The service's key material: the RSA pair that signs and verifies tokens, and the credential key that seals
 * secret keys and peppers API-key hashes. Configured keys let several instances accept each other's tokens and
 * credentials; without them, development keys are generated once and kept under the data directory.
 */
@ApplicationScoped
public class ServiceKeys {

    private static final Logger LOG = Logger.getLogger(ServiceKeys.class);

    private final PrivateKey signingKey;
    private final PublicKey verificationKey;
    private final byte[] credentialKey;

    @Inject
    ServiceKeys(ServiceConfig config) {
        this(config.dataDir(), config.jwt().privateKey(), config.jwt().publicKey(), config.credentialKey());
    }

    /** @param dataDir where development keys are kept when no key is configured */
    public ServiceKeys(Path dataDir, Optional<String> privatePem, Optional<String> publicPem,
            Optional<String> credentialKeyBase64) {
        Path keys = dataDir.resolve("keys");
        if (privatePem.isPresent()) {
            this.signingKey = parsePrivate(privatePem.get());
            this.verificationKey = publicPem.map(ServiceKeys::parsePublic).orElseGet(() -> derivePublic(signingKey));
        } else {
            KeyPair pair = developmentPair(keys);
            this.signingKey = pair.getPrivate();
            this.verificationKey = publicPem.map(ServiceKeys::parsePublic).orElse(pair.getPublic());
        }
        this.credentialKey = credentialKeyBase64
                .map(ServiceKeys::decodeCredentialKey)
                .orElseGet(() -> developmentCredentialKey(keys));
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public PublicKey verificationKey() {
        return verificationKey;
    }

    byte[] credentialKey() {
        return credentialKey.clone();
    }

    // ---- configured keys ------------------------------------------------------------------------------------

    static PrivateKey parsePrivate(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("workflow-versions.jwt.private-key is not a PKCS#8 PEM RSA private key", e);
        }
    }

    static PublicKey parsePublic(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("workflow-versions.jwt.public-key is not an X.509 PEM RSA public key", e);
        }
    }

    private static PublicKey derivePublic(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("Set workflow-versions.jwt.public-key: it cannot be derived from this private key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pemBody(String pem, String label) {
        return Base64.getDecoder().decode(pem.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", ""));
    }

    private static byte[] decodeCredentialKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length < 32) {
            throw new IllegalStateException("workflow-versions.credential-key must be base64 of at least 32 bytes");
        }
        return key;
    }

    // ---- development keys -----------------------------------------------------------------------------------

    private static KeyPair developmentPair(Path keys) {
        Path privateFile = keys.resolve("jwt-private.pem");
        Path publicFile = keys.resolve("jwt-public.pem");
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return new KeyPair(parsePublic(Files.readString(publicFile)), parsePrivate(Files.readString(privateFile)));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeSecret(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            writeSecret(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            LOG.infof("No JWT key configured: generated a development key pair in %s", keys.toAbsolutePath());
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the development JWT keys in " + keys, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] developmentCredentialKey(Path keys) {
        Path file = keys.resolve("credential.key");
        try {
            if (Files.exists(file)) {
                return decodeCredentialKey(Files.readString(file));
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writeSecret(file, Base64.getEncoder().encodeToString(key));
            LOG.infof("No credential key configured: generated a development key in %s", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the development credential key in " + keys, e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions apply.
        }
        Files.writeString(temporary, content);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
