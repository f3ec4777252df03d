package io.parity.spec;

import io.parity.spec.SpecDocument.ReportDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code report:} block, from its text to {@link ReportPolicy}. The mask key comes from {@code mask-key-file}
 * (relative to the spec) or else the environment ({@value ReportPolicy#MASK_KEY_VARIABLE}); it is required as soon as
 * anything is masked, and never appears in a message.
 */
final class ReportRules {

    private final Path specFile;
    private final Values values;
    private final Function<String, String> environment;

    ReportRules(Path specFile, Values values, Function<String, String> environment) {
        this.specFile = specFile;
        this.values = values;
        this.environment = environment;
    }

    ReportPolicy policy(ReportDocument doc, List<TableSpec> tables) {
        SampleMode samples = doc == null ? SampleMode.FULL : values.choice(doc.samples(), "report.samples",
                SampleMode::parse, SampleMode.FULL, "is not a way to show sample values; use full, masked or none");
        String masking = samples == SampleMode.MASKED ? "report.samples" : tables.stream()
                .filter(t -> !t.maskColumns().isEmpty()).map(t -> t.field() + ".columns.mask").findFirst().orElse(null);
        String keyFile = doc == null ? null : doc.maskKeyFile();
        if (masking == null) {
            return new ReportPolicy(samples, Secret.none());
        }
        Secret key = keyFile != null ? keyFile(keyFile) : Secret.of(environment.apply(ReportPolicy.MASK_KEY_VARIABLE));
        if (key == null) {
            return new ReportPolicy(samples, Secret.none());
        }
        if (key.isEmpty()) {
            values.problem(masking, "masks values but no mask key is set; export " + ReportPolicy.MASK_KEY_VARIABLE
                    + " or set report.mask-key-file to a file that holds a secret of at least "
                    + ReportPolicy.MIN_KEY_LENGTH + " characters");
        } else if (key.reveal().length() < ReportPolicy.MIN_KEY_LENGTH) {
            values.problem(keyFile != null ? "report.mask-key-file" : masking, "the mask key ("
                    + (keyFile != null ? keyFile : ReportPolicy.MASK_KEY_VARIABLE) + ") is shorter than "
                    + ReportPolicy.MIN_KEY_LENGTH + " characters; use a long random secret, e.g. openssl rand -hex 32");
        }
        return new ReportPolicy(samples, key);
    }

    /** The file's text without surrounding white space, or null (with a problem) when it cannot be read. */
    private Secret keyFile(String path) {
        try {
            return Secret.of(Files.readString(specFile.toAbsolutePath().getParent().resolve(path),
                    StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            values.problem("report.mask-key-file", "cannot read '" + path
                    + "'; point it at a readable file that holds only the mask key");
            return null;
        }
    }
}
