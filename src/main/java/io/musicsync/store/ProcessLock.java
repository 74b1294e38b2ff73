package io.musicsync.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * One process at a time per journal. Two processes on one journal would both resume its unfinished syncs and keep
 * separate playlist writers, so a song could be added twice: the second process is refused at start instead. The
 * operating system drops the lock when its process dies, so a killed process never leaves a stale lock behind.
 */
final class ProcessLock implements AutoCloseable {

    static final String FILE_NAME = "music-sync.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProcessLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ProcessLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileChannel channel;
        try {
            channel = posix
                    ? FileChannel.open(
                            file,
                            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("Cannot create the journal's lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        Exception why = null;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
            why = e;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new StoreException(
                    "The journal in " + dataDir + " is in use by another music-sync process (a"
                            + " running `serve`, `demo` or `mcp`). One process owns a journal: use the running service (its"
                            + " MCP endpoint is /mcp), or give this process another DATA_DIR or STANDALONE_STORE=memory",
                    why);
        }
        return new ProcessLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel's close below releases it too.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing to save.
        }
    }
}
