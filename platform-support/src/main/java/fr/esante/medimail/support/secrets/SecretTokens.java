package fr.esante.medimail.support.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets handling shared by the services: random tokens, their one-way hash (what is stored), and
 * sealing (AES-256-GCM) for the few secrets that must cross Kafka to be e-mailed, so that the topic never
 * holds them in clear. The sealing key comes from configuration ({@code medimail.secrets.sealing-key},
 * 32 bytes in Base64) and is known only to the sealing and the opening service.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_LENGTH = 12;

    private final SecretKeySpec key;
    /** For {@link #keyedHash}: derived from the sealing key, so that one key never serves two algorithms. */
    private final SecretKeySpec macKey;

    public SecretTokens(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("medimail.secrets.sealing-key must be 32 bytes in Base64, got " + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        try {
            MessageDigest derivation = MessageDigest.getInstance("SHA-256");
            derivation.update("medimail keyed-hash v1".getBytes(StandardCharsets.UTF_8));
            this.macKey = new SecretKeySpec(derivation.digest(bytes), "HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HMAC-SHA256 in hex: what is stored instead of a low-entropy secret (a 6-digit code), which a plain hash would
     * not protect from someone reading the database (a million guesses take a moment); without the key it does.
     */
    public String keyedHash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a keyed hash", e);
        }
    }

    /** A URL-safe random token with 256 bits of entropy. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A numeric code of {@code digits} digits, uniformly drawn. */
    public static String newNumericCode(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    /** SHA-256 in hex: what is stored instead of a high-entropy token. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_LENGTH + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_LENGTH);
            System.arraycopy(sealed, 0, out, IV_LENGTH, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_LENGTH));
            return new String(cipher.doFinal(bytes, IV_LENGTH, bytes.length - IV_LENGTH), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealed secret cannot be opened with the configured key", e);
        }
    }
}
