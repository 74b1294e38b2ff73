package io.musicsync.spotify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The Spotify login on disk: one JSON file in {@code CONFIG_DIR}, readable by the owner only.
 *
 * <p>The file is never world-readable, not even for a moment: the temporary file is created with mode 0600 and
 * then moved over the old one atomically, so a reader sees either the old or the new login, never half of one.
 */
public final class TokenStore {

    public static final String FILE_NAME = "spotify-token.json";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final ObjectMapper json = SpotifyJson.newMapper();

    public TokenStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public Optional<StoredLogin> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), StoredLogin.class));
        } catch (IOException e) {
            // The message names the file, never its content.
            throw new UncheckedIOException(
                    "cannot read the Spotify login in " + file + ": run ./music-sync login again", e);
        }
    }

    public void save(StoredLogin login) {
        try {
            Path dir = file.getParent();
            createPrivateDirectory(dir);
            Path temp = posix(dir)
                    ? Files.createTempFile(
                            dir, ".spotify-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : Files.createTempFile(dir, ".spotify-token", ".tmp");
            try {
                Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(login));
                moveIntoPlace(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Spotify login to " + file, e);
        }
    }

    /** @return true when a login was removed */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    private void moveIntoPlace(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileAttribute<?>[] attributes =
                posix(parent == null ? dir.toAbsolutePath().getRoot() : parent)
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)}
                        : new FileAttribute<?>[0];
        try {
            Files.createDirectory(dir, attributes);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it meanwhile: fine.
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
