package io.parity.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes job specs for tests against the test database. */
final class SpecFiles {

    private SpecFiles() {
    }

    static Path write(Path dir, String name, String srcDb, String dstDb, String tablesAndOptions) {
        TestDatabase db = TestDatabase.get();
        String yaml = "name: " + name + "\n"
                + "source:\n  url: " + db.url(srcDb) + "\n  user: " + db.user() + "\n  password: \"" + db.password() + "\"\n"
                + "destination:\n  url: " + db.url(dstDb) + "\n  user: " + db.user() + "\n  password: \"" + db.password() + "\"\n"
                + tablesAndOptions;
        try {
            Path file = dir.resolve(name + ".yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
