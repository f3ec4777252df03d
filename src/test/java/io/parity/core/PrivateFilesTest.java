package io.parity.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void newDirectoriesAndFilesAreTheOwnersOnly() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("reports/job/1/report.html");
        PrivateFiles.write(file, "secret row");
        assertThat(Files.readString(file)).isEqualTo("secret row");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("reports"))).as("a missing parent is created private too").isEqualTo("rwx------");
        assertThat(mode(dir)).as("an existing parent is left alone").isEqualTo("rwxr-xr-x");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("report.html");
        }
    }

    @Test
    void anExistingWorldReadableFileIsReplacedByAPrivateOne() throws IOException {
        Path file = dir.resolve("undo.sql");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.write(file, out -> out.write("new"));
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void anExistingDirectoryOfParityIsRestricted() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.directory(run);
        assertThat(mode(run)).isEqualTo("rwx------");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
