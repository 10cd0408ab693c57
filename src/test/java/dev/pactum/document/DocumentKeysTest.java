package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentKeysTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(DocumentCipherTest.key(1));
    private static final String KEY_B = Base64.getEncoder().encodeToString(DocumentCipherTest.key(2));

    @TempDir
    Path work;

    @Test
    void aMissingKeyFileIsCreatedWithOneKeyReadableByItsOwnerOnly() throws Exception {
        Path file = work.resolve("data/postgres/../document-keys");

        DocumentKeys keys = DocumentKeys.load(new DocumentProperties(Map.of(), file.toString(), true, ""));

        Path created = work.resolve("data/document-keys");
        assertThat(created).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-------");
        assertThat(keys.ids()).singleElement().satisfies(id -> assertThat(id).matches("k\\d{8}-[0-9a-f]{4}"));
        assertThat(keys.activeKeyId()).isEqualTo(keys.ids().iterator().next());
        assertThat(work.resolve("data")).isDirectoryNotContaining("glob:**.tmp");

        DocumentKeys again = DocumentKeys.load(new DocumentProperties(Map.of(), created.toString(), true, ""));
        assertThat(again.ids()).isEqualTo(keys.ids());
        assertThat(DocumentKeyFile.read(created).values()).singleElement()
                .satisfies(key -> assertThat(key).hasSize(32));
    }

    @Test
    void keysComeFromTheFileAndTheConfigurationTogether() throws Exception {
        Path file = work.resolve("document-keys");
        Files.writeString(file, "# comment\na=" + KEY_A + "\n");

        DocumentKeys keys = DocumentKeys.load(new DocumentProperties(Map.of("b", KEY_B), file.toString(), false, "b"));

        assertThat(keys.ids()).containsExactly("a", "b");
        assertThat(keys.activeKeyId()).isEqualTo("b");
        assertThat(keys.holds("a", DocumentCipherTest.key(1))).isTrue();
        assertThat(keys.holds("a", DocumentCipherTest.key(2))).isFalse();
        assertThat(keys.holds("c", DocumentCipherTest.key(1))).isFalse();
    }

    @Test
    void withSeveralKeysTheActiveOneMustBeNamed() {
        DocumentKeys keys = DocumentKeys.load(new DocumentProperties(Map.of("a", KEY_A, "b", KEY_B), "", false, ""));

        assertThat(keys.activeKeyId()).isNull();
        assertThatThrownBy(keys::requireActive).hasMessageContaining("pactum.documents.active-key");
        assertThatThrownBy(() -> DocumentKeys.load(new DocumentProperties(Map.of("a", KEY_A), "", false, "c")))
                .hasMessageContaining("'c'").hasMessageContaining("[a]");
    }

    @Test
    void noKeyAtAllSaysWhatToConfigure() {
        DocumentKeys keys = DocumentKeys.load(new DocumentProperties(Map.of(), "", false, ""));

        assertThatThrownBy(keys::requireActive).hasMessageContaining("pactum.documents.key-file");
    }

    @Test
    void malformedKeysAreRefusedWithoutShowingThem() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> DocumentKeys.load(new DocumentProperties(Map.of("a", shortKey), "", false, "")))
                .hasMessageContaining("'a'").hasMessageContaining("16 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> DocumentKeys.load(new DocumentProperties(Map.of("a", "not base64!"), "", false, "")))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> DocumentKeys.load(new DocumentProperties(Map.of("a.b", KEY_A), "", false, "")))
                .hasMessageContaining("'a.b'");

        Path file = work.resolve("document-keys");
        Files.writeString(file, "a=" + KEY_B + "\n");
        assertThatThrownBy(() -> DocumentKeys.load(new DocumentProperties(Map.of("a", KEY_A), file.toString(), false,
                ""))).hasMessageContaining("'a' has one value in").hasMessageNotContaining(KEY_A);
        assertThatThrownBy(() -> DocumentKeys.load(new DocumentProperties(Map.of(), work.resolve("none").toString(),
                false, ""))).hasMessageContaining("does not exist");
    }

    @Test
    void keysAreAddedToAFileButNeverReplaced() throws Exception {
        Path file = work.resolve("document-keys");
        Path backup = work.resolve("backup-keys");
        Files.writeString(file, "a=" + KEY_A + "\n");
        Files.writeString(backup, "a=" + KEY_A + "\nb=" + KEY_B + "\n");

        assertThat(DocumentKeyFile.addMissing(file, backup)).containsExactly("b");
        assertThat(DocumentKeyFile.read(file)).containsOnlyKeys("a", "b");
        assertThat(Files.readString(file)).startsWith("a=" + KEY_A + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DocumentKeyFile.addMissing(file, backup)).isEmpty();

        Files.writeString(backup, "a=" + KEY_B + "\n");
        assertThatThrownBy(() -> DocumentKeyFile.addMissing(file, backup)).hasMessageContaining("'a'")
                .hasMessageContaining("differs");
    }
}
