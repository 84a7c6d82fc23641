package io.workflowversions.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three ways a secret is kept, none of which lets it be read back from the database alone:
 * passwords as bcrypt hashes, API keys as keyed HMAC digests (fast to look up, useless without the credential
 * key), and signing secret keys sealed with AES-GCM under a key derived from the credential key.
 */
@ApplicationScoped
public class SecretProtection {

    private static final int BCRYPT_COST = 10;
    private static final int IV_BYTES = 12;

    private final SecretKeySpec digestKey;
    private final SecretKeySpec sealKey;
    private final SecureRandom random = new SecureRandom();

    SecretProtection(ServiceKeys keys) {
        SecretKeySpec root = new SecretKeySpec(keys.credentialKey(), "HmacSHA256");
        this.digestKey = new SecretKeySpec(hmac(root, "api-key-digest"), "HmacSHA256");
        this.sealKey = new SecretKeySpec(hmac(root, "secret-key-seal"), "AES");
    }

    /** A slow, salted hash. Blocks for tens of milliseconds: call it off the event loop. */
    public String hashPassword(String password) {
        return BcryptUtil.bcryptHash(prehash(password), BCRYPT_COST);
    }

    /** Compares in constant time. Blocks like {@link #hashPassword}. */
    public boolean passwordMatches(String password, String hash) {
        return hash != null && BcryptUtil.matches(prehash(password), hash);
    }

    /** bcrypt reads at most 72 bytes; a digest first makes every character of a long password count. */
    private static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deterministic digest of an API key, so a presented key is found by an index lookup. */
    public String digestApiKey(String apiKey) {
        return HexFormat.of().formatHex(hmac(digestKey, apiKey));
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret's bytes; fails when the value was sealed under another credential key. */
    public byte[] unseal(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed secret key cannot be opened: was the credential key changed?", e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
