package io.parity.spec;

import io.parity.core.ParityException;
import org.apache.commons.codec.digest.DigestUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Reads and validates a job spec. Every problem found becomes one line naming the field and the fix; all lines are
 * reported together so a user fixes a spec in one round. Nothing here connects to a database.
 *
 * <pre>
 * name: shop
 * source:      { url: jdbc:mysql://127.0.0.1:3306/shop, user: parity, password: "${SRC_PASSWORD}" }
 * destination: { url: jdbc:mysql://10.0.0.2:3306/shop, user: parity, password-file: /run/secrets/dst }
 * tables:
 *   - name: shop.orders
 *     target: shop_new.orders
 *     key: [id]
 *     where: "created_at &lt; '2026-01-01'"
 *     columns: { ignore: [updated_at], mask: [email] }
 *   - include: "shop.*"
 *     exclude: ["shop.tmp_*"]
 * options: { chunk-rows: 10000, parallelism: 2, hash: sha1 }
 * report: { samples: masked, mask-key-file: /run/secrets/mask-key }
 * </pre>
 *
 * Inside {@code { }} or {@code [ ]}, a {@code ${VAR}} must be quoted: unquoted braces are YAML syntax.
 */
public final class SpecLoader {

    private final Function<String, String> environment;

    public SpecLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public static SpecLoader fromSystemEnvironment() {
        return new SpecLoader(System::getenv);
    }

    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    /**
     * Starts building, on a daemon thread, what reading a spec needs once per process (the binding's mapper and
     * deserializers): a command that will read one calls this first, so the work overlaps the command line's parsing
     * instead of following it. Once per process; reading a spec works the same without it.
     */
    public static void prepareInBackground() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread t = new Thread(SpecBinder::prepare, "parity-spec");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * The whole spec (tables, options, repository, workers, cutover, schedule) read once: parsed, {@code ${VAR}}
     * interpolated, bound into {@link SpecDocument} and validated into a {@link JobSpec}; every problem of the file
     * reported together as bad input, one line each.
     */
    public JobSpec load(Path file) {
        String text = read(file);
        Map<?, ?> root = parse(file, text);
        SpecProblems problems = new SpecProblems(file.toString());
        Map<Object, Object> interpolated = new Interpolation(environment, problems).apply(root);
        SpecDocument doc = new SpecBinder(problems).bind(interpolated);
        JobSpec spec = new SpecValidator(file, problems, environment).validate(doc, DigestUtils.sha256Hex(text), defaultName(file));
        if (problems.any()) {
            throw ParityException.badInput(String.join(System.lineSeparator(), problems.lines()));
        }
        return spec;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ParityException.badInput("job spec " + file + " does not exist: pass an existing file with --job");
        } catch (IOException e) {
            throw ParityException.badInput("job spec " + file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Map<?, ?> parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(text);
            if (!(root instanceof Map<?, ?> map)) {
                throw ParityException.badInput(file + ": not a YAML mapping; a spec starts with keys such as 'source:', 'destination:', 'tables:'");
            }
            return map;
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1);
            throw ParityException.badInput(file + ": malformed YAML" + where + ": " + e.getProblem() + "; fix the YAML syntax");
        } catch (YAMLException e) {
            throw ParityException.badInput(file + ": malformed YAML: " + e.getMessage().lines().findFirst().orElse("") + "; fix the YAML syntax");
        }
    }

    private static String defaultName(Path file) {
        String base = file.getFileName().toString();
        return base.replaceFirst("\\.ya?ml$", "");
    }

}
