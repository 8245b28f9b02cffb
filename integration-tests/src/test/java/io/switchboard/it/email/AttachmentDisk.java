package io.switchboard.it.email;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The hub's attachment directory as a link to the real one, so a test can take the storage away (the
 * path then names a plain file, like an unmounted volume — file permissions cannot stop root, who
 * runs CI) and give it back. Each swap is one rename, so no poll ever sees the path missing.
 */
final class AttachmentDisk {

    private final Path link;
    private final Path disk;
    private final Path gone;

    private AttachmentDisk(Path link, Path disk, Path gone) {
        this.link = link;
        this.disk = disk;
        this.gone = gone;
    }

    static AttachmentDisk under(Path dataDir) throws IOException {
        Path disk = Files.createDirectories(dataDir.resolve("attachment-disk"));
        Path gone = Files.writeString(dataDir.resolve("not-a-directory"), "unmounted");
        return new AttachmentDisk(Files.createSymbolicLink(dataDir.resolve("attachments"), disk), disk, gone);
    }

    /** The directory to configure as {@code hub.attachments.dir}. */
    Path dir() {
        return link;
    }

    void takeAway() throws IOException {
        repoint(gone);
    }

    void giveBack() throws IOException {
        repoint(disk);
    }

    private void repoint(Path target) throws IOException {
        Path next = Files.createSymbolicLink(link.resolveSibling(link.getFileName() + ".next"), target);
        Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
