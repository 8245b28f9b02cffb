package io.switchboard.core.attachments;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Attachments as files under one directory, named by a random key ({@code yyyy/MM/dd/<uuid>}), so a
 * customer-chosen file name never becomes a path. Written to a temporary file first and moved into
 * place, so a half-written attachment is never visible.
 */
public class FileAttachmentStore implements AttachmentStore {

    private static final Pattern KEY = Pattern.compile("\\d{4}/\\d{2}/\\d{2}/[0-9a-f\\-]{36}");

    private final Path root;
    private final long defaultMaxBytes;

    public FileAttachmentStore(Path root, long defaultMaxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.defaultMaxBytes = defaultMaxBytes;
    }

    @Override
    public AttachmentRef store(String name, String contentType, InputStream content) throws IOException {
        return store(name, contentType, content, defaultMaxBytes);
    }

    @Override
    public AttachmentRef store(String name, String contentType, InputStream content, long maxBytes)
            throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String key = String.format("%04d/%02d/%02d/%s", today.getYear(), today.getMonthValue(),
                today.getDayOfMonth(), UUID.randomUUID());
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "upload-", ".part");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new AttachmentTooLargeException(safeName(name), maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target);
        return new AttachmentRef(safeName(name), contentType == null ? "application/octet-stream" : contentType,
                size, key);
    }

    @Override
    public Optional<InputStream> open(String storageKey) throws IOException {
        if (storageKey == null || !KEY.matcher(storageKey).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(storageKey).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.newInputStream(file));
    }

    /** A display name without directories or control characters; never used as a path. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "attachment";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "attachment";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
