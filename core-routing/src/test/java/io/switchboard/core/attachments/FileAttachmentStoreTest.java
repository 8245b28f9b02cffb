package io.switchboard.core.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAttachmentStoreTest {

    @TempDir
    Path dir;

    @Test
    void storedBytesComeBackByTheirKey() throws Exception {
        FileAttachmentStore store = new FileAttachmentStore(dir, 1024);
        AttachmentRef ref = store.store("invoice.pdf", "application/pdf", bytes("%PDF-1.7 hello"));

        assertThat(ref.name()).isEqualTo("invoice.pdf");
        assertThat(ref.contentType()).isEqualTo("application/pdf");
        assertThat(ref.size()).isEqualTo(14);
        try (InputStream in = store.open(ref.storageKey()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 hello");
        }
    }

    @Test
    void anAttachmentOverTheLimitIsRefusedAndNothingIsLeftBehind() throws Exception {
        FileAttachmentStore store = new FileAttachmentStore(dir, 10);
        assertThatThrownBy(() -> store.store("big.bin", null, bytes("01234567890")))
                .isInstanceOf(AttachmentStore.AttachmentTooLargeException.class)
                .hasMessageContaining("limit of 10 bytes");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aKeyCannotReachOutsideTheStore() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        FileAttachmentStore store = new FileAttachmentStore(dir.resolve("store"), 1024);
        assertThat(store.open("../secret.txt")).isEmpty();
        assertThat(store.open("2026/01/01/../../../../secret.txt")).isEmpty();
        assertThat(store.open(null)).isEmpty();
        assertThat(store.open("2026/01/01/00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void customerFileNamesNeverBecomePaths() {
        assertThat(FileAttachmentStore.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileAttachmentStore.safeName("C:\\Users\\ada\\photo.png")).isEqualTo("photo.png");
        assertThat(FileAttachmentStore.safeName("a\u0000b\".txt")).isEqualTo("a_b_.txt");
        assertThat(FileAttachmentStore.safeName("..")).isEqualTo("attachment");
        assertThat(FileAttachmentStore.safeName(null)).isEqualTo("attachment");
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
