package io.parity.spec;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code report:} block and {@code columns.mask}: binding, defaults, the mask key's sources, field-named errors. */
class ReportSpecTest {

    private static final String SIDES = """
            source: { url: "jdbc:mysql://127.0.0.1:3306/shop", user: parity, password: pw }
            destination: { url: "jdbc:mysql://10.0.0.2:3306/shop", user: parity, password: pw }
            """;
    private static final String KEY = "0123456789abcdef-long-enough";

    @TempDir
    Path dir;

    private JobSpec load(String text, Map<String, String> env) throws IOException {
        Path file = dir.resolve("job.yml");
        Files.writeString(file, SIDES + text);
        return new SpecLoader(env::get).load(file);
    }

    private String problems(String text, Map<String, String> env) {
        ParityException e = catchThrowableOfType(ParityException.class, () -> load(text, env));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        return e.getMessage();
    }

    @Test
    void withoutAReportBlockValuesAreShownAsToday() throws IOException {
        JobSpec spec = load("tables: [shop.orders]\n", Map.of(ReportPolicy.MASK_KEY_VARIABLE, KEY));
        assertThat(spec.report().samples()).isEqualTo(SampleMode.FULL);
        assertThat(spec.report().maskKey().isEmpty()).as("no key is kept when nothing is masked").isTrue();
        assertThat(spec.tables().get(0).maskColumns()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"full, FULL", "masked, MASKED", "none, NONE", "MASKED, MASKED"})
    void samplesBindToTheirMode(String text, SampleMode mode) throws IOException {
        JobSpec spec = load("tables: [shop.orders]\nreport: { samples: " + text + " }\n",
                Map.of(ReportPolicy.MASK_KEY_VARIABLE, KEY));
        assertThat(spec.report().samples()).isEqualTo(mode);
    }

    @Test
    void maskColumnsSitBesideIgnoreAndMapAndTakeTheKeyFromTheEnvironment() throws IOException {
        JobSpec spec = load("""
                tables:
                  - name: shop.customers
                    columns: { ignore: [updated_at], map: { mail: email }, mask: [mail, ssn] }
                """, Map.of(ReportPolicy.MASK_KEY_VARIABLE, KEY));
        TableSpec table = spec.tables().get(0);
        assertThat(table.maskColumns()).containsExactly("mail", "ssn");
        assertThat(table.ignoreColumns()).containsExactly("updated_at");
        assertThat(table.columnMap()).containsEntry("mail", "email");
        assertThat(spec.report().samples()).isEqualTo(SampleMode.FULL);
        assertThat(spec.report().maskKey().reveal()).isEqualTo(KEY);
    }

    @Test
    void aKeyFileNextToTheSpecWinsOverTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("mask.key"), "  file-key-of-enough-length\n");
        JobSpec spec = load("tables: [shop.orders]\nreport: { samples: masked, mask-key-file: mask.key }\n",
                Map.of(ReportPolicy.MASK_KEY_VARIABLE, KEY));
        assertThat(spec.report().maskKey().reveal()).isEqualTo("file-key-of-enough-length");
        assertThat(spec.report().maskKey().toString()).doesNotContain("file-key");
    }

    @Test
    void maskingWithoutAKeyIsRefusedNamingBothSources() {
        assertThat(problems("tables: [shop.orders]\nreport: { samples: masked }\n", Map.of()))
                .isEqualTo(dir.resolve("job.yml") + ": report.samples: masks values but no mask key is set; export"
                        + " PARITY_MASK_KEY or set report.mask-key-file to a file that holds a secret of at least 16"
                        + " characters");
        assertThat(problems("tables:\n  - name: shop.orders\n    columns: { mask: [email] }\n", Map.of()))
                .contains("tables[0].columns.mask: masks values but no mask key is set");
    }

    @Test
    void aShortKeyIsRefusedWithoutBeingPrinted() {
        String message = problems("tables: [shop.orders]\nreport: { samples: masked }\n",
                Map.of(ReportPolicy.MASK_KEY_VARIABLE, "short-s3cret"));
        assertThat(message).contains("report.samples: the mask key (PARITY_MASK_KEY) is shorter than 16 characters")
                .doesNotContain("short-s3cret");
    }

    @Test
    void badValuesAndUnknownKeysAreNamedByTheirPath() {
        String message = problems("""
                tables:
                  - name: shop.orders
                    columns: { mask: { email: yes } }
                report: { samples: partly, mask-key-file: missing.key, diff-values: true }
                """, Map.of());
        assertThat(message.lines().toList()).contains(
                dir.resolve("job.yml") + ": report.diff-values: unknown key; expected one of [mask-key-file, samples]",
                dir.resolve("job.yml") + ": tables[0].columns.mask: must be a list of names such as [a, b]",
                dir.resolve("job.yml") + ": report.samples: 'partly' is not a way to show sample values; use full,"
                        + " masked or none");
        assertThat(problems("tables: [shop.orders]\nreport: masked\n", Map.of()))
                .contains("report: must be a mapping such as 'report: { samples: masked, mask-key-file:");
    }

    @Test
    void anUnreadableKeyFileIsNamed() {
        assertThat(problems("tables: [shop.orders]\nreport: { samples: masked, mask-key-file: missing.key }\n",
                Map.of(ReportPolicy.MASK_KEY_VARIABLE, KEY)))
                .contains("report.mask-key-file: cannot read 'missing.key'; point it at a readable file");
    }

    @Test
    void noneNeedsNoKey() throws IOException {
        JobSpec spec = load("tables: [shop.orders]\nreport: { samples: none }\n", Map.of());
        assertThat(spec.report().samples()).isEqualTo(SampleMode.NONE);
        assertThat(List.of(spec.report().maskKey().isEmpty())).containsExactly(true);
    }
}
