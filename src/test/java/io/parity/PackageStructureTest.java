package io.parity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure of the compiled classes, read with the JDK's own {@code jdeps}: no package import cycles
 * anywhere, and the core values depend on no other Parity package. Fails the build when a change brings a cycle back.
 */
class PackageStructureTest {

    private static final Map<String, Set<String>> DEPENDENCIES = new TreeMap<>();

    @BeforeAll
    static void readDependencies() throws Exception {
        Path classes = Path.of(ParityApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps"));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
                "-filter:none", "-e", "io\\.parity\\..*", classes.toString());
        assertThat(status).as("jdeps exit status").isZero();
        for (String line : out.toString().split("\\R")) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 3 && p[1].equals("->") && p[0].startsWith("io.parity") && p[2].startsWith("io.parity")) {
                DEPENDENCIES.computeIfAbsent(p[0], k -> new TreeSet<>());
                if (!p[0].equals(p[2])) {
                    DEPENDENCIES.get(p[0]).add(p[2]);
                }
            }
        }
        assertThat(DEPENDENCIES).as("packages read from " + classes).hasSizeGreaterThan(10);
    }

    @Test
    void noPackageImportCycles() {
        assertThat(cycles()).as("package cycles (each set imports itself through the others)").isEmpty();
    }

    @Test
    void coreValuesDependOnNoOtherParityPackage() {
        assertThat(DEPENDENCIES.get("io.parity.core")).as("io.parity.core imports").isEmpty();
    }

    @Test
    void engineInterfacesDependOnlyOnValuesAndSchema() {
        assertThat(DEPENDENCIES.get("io.parity.engine"))
                .allSatisfy(p -> assertThat(p).isIn("io.parity.core", "io.parity.schema"));
    }

    /** Strongly connected sets of more than one package (Tarjan). */
    private static List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String p : DEPENDENCIES.keySet()) {
            if (!index.containsKey(p)) {
                strong(p, index, low, stack, found);
            }
        }
        return found;
    }

    private static void strong(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                               List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : DEPENDENCIES.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strong(w, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
