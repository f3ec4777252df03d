package io.parity.spec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Binds the parsed YAML tree into {@link SpecDocument} with Jackson, collecting a problem line per unknown key and per
 * block of the wrong shape instead of stopping at the first, each named by its path ({@code tables[1].columns.skip}).
 * The keys a block accepts are its record's components, so no key set is written by hand.
 *
 * <p>One mapper per process, shared (Jackson's mappers are thread-safe once built): building it and the deserializers
 * of {@link SpecDocument}'s blocks took 0.15 s of an interpreted start, against 0.01 s for the binding itself, so
 * {@link #prepare} builds them on another thread while the command line is parsed.
 */
final class SpecBinder {

    /** The problems of the spec being bound on this thread: the mapper, and so its handler, is shared. */
    private static final ThreadLocal<SpecProblems> PROBLEMS = new ThreadLocal<>();

    private final SpecProblems problems;

    SpecBinder(SpecProblems problems) {
        this.problems = problems;
    }

    SpecDocument bind(Object tree) {
        PROBLEMS.set(problems);
        try {
            return Shared.MAPPER.convertValue(tree, SpecDocument.class);
        } finally {
            PROBLEMS.remove();
        }
    }

    /** Builds the shared mapper and the deserializers of every block, binding an empty spec (its problems dropped). */
    static void prepare() {
        new SpecBinder(new SpecProblems("")).bind(java.util.Map.of());
    }

    /**
     * Built on first use; a second thread asking meanwhile waits for it (class initialisation) instead of building
     * another.
     */
    private static final class Shared {
        static final JsonMapper MAPPER = JsonMapper.builder().addHandler(new Collector()).build();
    }

    /** Records what cannot be bound and binds null in its place, so every problem of a spec is found in one pass. */
    private static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            Collection<Object> known = deserializer.getKnownPropertyNames();
            TreeSet<String> names = new TreeSet<>();
            known.forEach(k -> names.add(String.valueOf(k)));
            PROBLEMS.get().add(path(owner(p.streamReadContext(), propertyName)),
                    "unknown key; expected one of " + names);
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) {
            TokenStreamContext value = valueContext(p);
            if (targetType.isCollectionLikeType() && targetType.getContentType().getRawClass() == String.class
                    && t == JsonToken.VALUE_STRING) {
                return List.of(p.getString()); // one name where a list of names may stand: key: id
            }
            if (targetType.isCollectionLikeType()) {
                SpecShape shape = targetType.getContentType().getRawClass().getAnnotation(SpecShape.class);
                PROBLEMS.get().add(path(value), shape != null && !shape.list().isEmpty() ? shape.list()
                        : "must be a list of names such as [a, b]");
            } else if (targetType.getRawClass() == String.class && value.inArray()) {
                PROBLEMS.get().add(path(value.getParent()), "must be a list of names");
            } else if (targetType.getRawClass() == String.class) {
                PROBLEMS.get().add(path(value), "must be a single value, not a "
                        + (t == JsonToken.START_OBJECT ? "mapping" : "list"));
            } else {
                PROBLEMS.get().add(path(value), shapeOf(targetType.getRawClass()));
            }
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsta, JsonParser p, String msg) {
            PROBLEMS.get().add(path(valueContext(p)), shapeOf(instClass));
            p.skipChildren();
            return null;
        }
    }

    private static String shapeOf(Class<?> type) {
        SpecShape shape = type.getAnnotation(SpecShape.class);
        return shape == null ? "has the wrong shape" : shape.value();
    }

    /**
     * The context that names the current value: the parser's own, or, at the start of a mapping or list, the one
     * around it (the new context has no name or index yet).
     */
    private static TokenStreamContext valueContext(JsonParser p) {
        TokenStreamContext here = p.streamReadContext();
        return p.currentToken() != null && p.currentToken().isStructStart() ? here.getParent() : here;
    }

    /** The context of the mapping that holds {@code name}: the one whose current name it is. */
    private static TokenStreamContext owner(TokenStreamContext context, String name) {
        for (TokenStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inObject() && name.equals(c.currentName())) {
                return c;
            }
        }
        return context;
    }

    /** {@code tables[1].columns} for the context of a value, from the root down. */
    static String path(TokenStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.currentName() != null) {
                parts.add(0, "." + c.currentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
