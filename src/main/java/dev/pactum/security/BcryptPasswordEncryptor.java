package dev.pactum.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt for Camunda's identity service; stored as {@code {BCRYPT}$2a$12$...}. Camunda keeps checking the SHA-512
 * (and older SHA-1) hashes it wrote before, and {@link PasswordVerifier} rewrites those on the next good login.
 * <p>
 * Camunda hands over the password with the user's salt appended, which can exceed bcrypt's 72-byte input limit (a
 * 16-character Chinese passphrase already does). So bcrypt hashes the Base64 SHA-256 of that input instead: always
 * 44 bytes, no byte of the password ignored. The SHA-256 never leaves this method, so it cannot be matched against
 * hashes leaked elsewhere.
 */
class BcryptPasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "BCRYPT";

    private static final Pattern COST = Pattern.compile("^\\{" + ALGORITHM + "\\}\\$2[aby]?\\$(\\d\\d)\\$");

    private final int cost;
    private final BCryptPasswordEncoder bcrypt;

    BcryptPasswordEncryptor(int cost) {
        this.cost = cost;
        this.bcrypt = new BCryptPasswordEncoder(cost);
    }

    @Override
    public String encrypt(String password) {
        return bcrypt.encode(digest(password));
    }

    @Override
    public boolean check(String password, String encrypted) {
        return bcrypt.matches(digest(password), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }

    /** Whether a stored hash (with its {@code {BCRYPT}} prefix) is bcrypt at this cost; if not, it is rewritten. */
    boolean isCurrent(String storedHash) {
        Matcher matcher = storedHash == null ? null : COST.matcher(storedHash);
        return matcher != null && matcher.find() && Integer.parseInt(matcher.group(1)) == cost;
    }

    private static String digest(String password) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
