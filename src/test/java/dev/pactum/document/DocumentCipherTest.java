package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentCipherTest {

    private static final byte[] KEY_A = key(1);
    private static final byte[] KEY_B = key(2);
    private static final byte[] PDF = "%PDF-1.7 合同 HT-2026-000001 人民币壹佰万元整".getBytes(StandardCharsets.UTF_8);
    private static final String SHA = ContractDocumentService.sha256Hex(PDF);

    private final DocumentCipher cipher = new DocumentCipher(DocumentKeys.of(Map.of("a", KEY_A, "b", KEY_B), "a"));

    @Test
    void aSealedVersionOpensToItsBytesAndHidesThem() {
        SealedContent sealed = cipher.seal(PDF, 12, 3);

        assertThat(sealed.keyId()).isEqualTo("a");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.bytes()).hasSize(PDF.length + 16);
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF", "HT-2026");
        assertThat(cipher.open(sealed, 12, 3, SHA)).isEqualTo(PDF);
    }

    @Test
    void everySealingTakesAFreshNonce() {
        SealedContent first = cipher.seal(PDF, 12, 3);
        SealedContent second = cipher.seal(PDF, 12, 3);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.bytes()).isNotEqualTo(second.bytes());
    }

    @Test
    void aCiphertextMovedToAnotherVersionOrContractDoesNotOpen() {
        SealedContent sealed = cipher.seal(PDF, 12, 3);

        assertThatThrownBy(() -> cipher.open(sealed, 12, 4, SHA))
                .isInstanceOf(DocumentUnreadableException.class)
                .hasMessageContaining("Document version 4 of contract 12")
                .hasMessageContaining("authentication under key 'a' failed");
        assertThatThrownBy(() -> cipher.open(sealed, 13, 3, SHA)).isInstanceOf(DocumentUnreadableException.class);
    }

    @Test
    void aChangedByteOrNonceDoesNotOpen() {
        SealedContent sealed = cipher.seal(PDF, 12, 3);
        byte[] bytes = sealed.bytes().clone();
        bytes[5] ^= 1;
        byte[] nonce = sealed.nonce().clone();
        nonce[0] ^= 1;

        assertThatThrownBy(() -> cipher.open(new SealedContent("a", sealed.nonce(), bytes), 12, 3, SHA))
                .isInstanceOf(DocumentUnreadableException.class);
        assertThatThrownBy(() -> cipher.open(new SealedContent("a", nonce, sealed.bytes()), 12, 3, SHA))
                .isInstanceOf(DocumentUnreadableException.class);
    }

    @Test
    void aVersionUnderAnotherKeyOpensWhileThatKeyIsConfigured() {
        SealedContent underB = cipher.seal(PDF, 12, 3, "b");
        DocumentCipher withoutB = new DocumentCipher(DocumentKeys.of(Map.of("a", KEY_A), "a"));

        assertThat(cipher.open(underB, 12, 3, SHA)).isEqualTo(PDF);
        assertThatThrownBy(() -> withoutB.open(underB, 12, 3, SHA))
                .isInstanceOf(DocumentUnreadableException.class)
                .hasMessageContaining("its key 'b' is not configured [a]")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(KEY_B));
    }

    @Test
    void aKeyGivenAnotherKeysIdDoesNotOpenItsVersions() {
        SealedContent sealed = cipher.seal(PDF, 12, 3);
        DocumentCipher impostor = new DocumentCipher(DocumentKeys.of(Map.of("a", KEY_B), "a"));

        assertThatThrownBy(() -> impostor.open(sealed, 12, 3, SHA)).isInstanceOf(DocumentUnreadableException.class);
    }

    @Test
    void aVersionStoredBeforeEncryptionOpensWhileItMatchesItsHash() {
        assertThat(cipher.open(SealedContent.plain(PDF), 12, 3, SHA)).isEqualTo(PDF);

        byte[] changed = PDF.clone();
        changed[0] = 'X';
        assertThatThrownBy(() -> cipher.open(SealedContent.plain(changed), 12, 3, SHA))
                .isInstanceOf(DocumentUnreadableException.class)
                .hasMessageContaining("do not match its sha-256");
    }

    @Test
    void withoutAnActiveKeyNothingIsSealed() {
        DocumentCipher readOnly = new DocumentCipher(DocumentKeys.of(Map.of("a", KEY_A, "b", KEY_B), null));

        assertThatThrownBy(() -> readOnly.seal(PDF, 12, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pactum.documents.active-key");
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
