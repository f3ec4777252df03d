package io.parity.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold what Parity read from the databases (reports, differences, repair and undo SQL, evidence), readable
 * by their owner only: directories {@code 0700}, files {@code 0600}. A file is written to a temporary file created
 * with its permissions (so its content is never readable by others, not even for a moment) and then moved over the
 * old one, so a reader sees the old file or the new one, never half of it. On a filesystem without POSIX permissions
 * the files are written with the filesystem's defaults.
 */
public final class PrivateFiles {

    /** Owner read, write and search; nothing for group and others. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** Owner read and write; nothing for group and others. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** Writes a file's content; may be called once. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} and its missing parents as {@code 0700}; an existing {@code dir} is restricted to
     * {@code 0700} too (it is Parity's own), existing parents are left as they are.
     */
    public static Path directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            restrict(dir, DIRECTORY);
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            directory(parent);
        }
        try {
            Files.createDirectory(dir, attribute(dir, DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        return dir;
    }

    public static void write(Path file, String text) throws IOException {
        write(file, out -> out.write(text));
    }

    /** Writes {@code file} (UTF-8) as {@code 0600} in a {@code 0700} directory, replacing it whole. */
    public static void write(Path file, Content content) throws IOException {
        Path dir = directory(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attribute(dir, FILE));
        try {
            try (Writer out = new java.io.BufferedWriter(Channels.newWriter(Files.newByteChannel(temp,
                    java.nio.file.StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
                content.writeTo(out);
            }
            move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] attribute(Path where, Set<PosixFilePermission> permissions) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
