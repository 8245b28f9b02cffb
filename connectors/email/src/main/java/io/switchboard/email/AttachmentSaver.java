package io.switchboard.email;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.AttachmentStore.AttachmentTooLargeException;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stores a mail's files through the {@link AttachmentStore}. A file over the size limit, or beyond
 * the number of attachments taken from one mail, is not stored: it becomes a note line for the
 * message text, so the agent knows it existed.
 */
final class AttachmentSaver {

    private final AttachmentStore store;
    private final long maxBytes;
    private final int maxCount;
    final List<AttachmentRef> saved = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    AttachmentSaver(AttachmentStore store, long maxBytes, int maxCount) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.maxCount = maxCount;
    }

    void save(Part part, String defaultName) throws MessagingException, IOException {
        String name = MimeParts.fileName(part);
        if (name == null || name.isBlank()) {
            name = defaultName;
        }
        String type = MimeParts.baseType(part);
        if (type.equals("message/rfc822") && !name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
            name = name + ".eml";
        }
        if (saved.size() >= maxCount) {
            notes.add("[Attachment \"" + name + "\" was not accepted: at most " + maxCount
                    + " attachments are taken from one mail]");
            return;
        }
        try (CountingStream in = new CountingStream(part.getInputStream())) {
            try {
                saved.add(store.store(name, type, in, maxBytes));
            } catch (AttachmentTooLargeException tooLarge) {
                // read the rest only to tell the agent how large the file was
                in.transferTo(OutputStream.nullOutputStream());
                notes.add("[Attachment \"" + name + "\" (" + size(in.count) + ") was not accepted: the limit is "
                        + size(maxBytes) + "]");
            } catch (UnreadablePart broken) {
                throw broken;
            } catch (IOException storageFailed) {
                // the store, not the mail, failed (disk full): retry the whole mail later
                throw new UncheckedIOException("Attachment storage failed: " + storageFailed.getMessage(),
                        storageFailed);
            }
        }
    }

    /** 31 MB, 512 KB, 900 bytes. */
    static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return trim(bytes / (1024.0 * 1024)) + " MB";
        }
        if (bytes >= 1024) {
            return trim(bytes / 1024.0) + " KB";
        }
        return bytes + " bytes";
    }

    private static String trim(double value) {
        return value >= 10 || value == Math.floor(value)
                ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Reading (decoding) the part failed: the mail is broken, not the store. */
    static final class UnreadablePart extends IOException {

        UnreadablePart(IOException cause) {
            super("Part cannot be decoded: " + cause.getMessage(), cause);
        }
    }

    /** Counts the bytes read and tells a broken part apart from a failing store. */
    private static final class CountingStream extends FilterInputStream {

        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b >= 0) {
                    count++;
                }
                return b;
            } catch (IOException e) {
                throw new UnreadablePart(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                throw new UnreadablePart(e);
            }
        }
    }
}
