package io.parity.batch;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step-scoped reader, processor and writer are proxied by their item interfaces, and Spring Batch does not look
 * for listener annotations ({@code @BeforeStep}, {@code @AfterChunk}, …) behind such a proxy: one added to these
 * classes would silently never run. None may carry one (or the scoped proxies must go back to subclassing).
 */
class VerifyBatchConfigurationTest {

    @Test
    void noStepScopedComponentReliesOnListenerAnnotations() {
        List<String> found = new ArrayList<>();
        for (Class<?> c : List.of(ChunkReader.class, ChunkProcessor.class, ChunkResultWriter.class)) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    for (Annotation a : m.getAnnotations()) {
                        if (a.annotationType().getPackageName().startsWith("org.springframework.batch")) {
                            found.add(c.getSimpleName() + "." + m.getName() + " @"
                                    + a.annotationType().getSimpleName());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
