package dev.pactum.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts a callback body as Feishu does with an app's encrypt key: AES-256-CBC, key SHA-256(encrypt key), IV first. */
final class FeishuTestCrypto {

    private FeishuTestCrypto() {
    }

    static String encrypt(String plain, String encryptKey) throws Exception {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                .digest(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES"), new IvParameterSpec(iv));
        byte[] encrypted = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[16 + encrypted.length];
        System.arraycopy(iv, 0, all, 0, 16);
        System.arraycopy(encrypted, 0, all, 16, encrypted.length);
        return Base64.getEncoder().encodeToString(all);
    }
}
