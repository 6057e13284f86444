package io.wisp.core.model.ddf;

import java.util.Map;
import java.util.Objects;

/**
 * Where an object definition and its parts start in the file it was read from, so that a finding about a model
 * (a validator rule, say) can point at a line. Each lookup falls back to the nearest enclosing element: an absent
 * {@code Type} is reported at its {@code Item}, an unknown resource at its {@code Object}.
 *
 * @param objectLine line of the {@code <Object>} start tag
 * @param elements line of each child element of {@code <Object>}, by element name
 * @param items line of each {@code <Item>}, by resource ID
 * @param itemElements line of each child element of an {@code <Item>}, by resource ID then element name
 * @param arguments line of each executable-argument entry inside {@code Description2}, by resource ID then order
 */
public record SourceLines(int objectLine, Map<String, Integer> elements, Map<Integer, Integer> items,
                          Map<Integer, Map<String, Integer>> itemElements,
                          Map<Integer, Map<Integer, Integer>> arguments) {
    public SourceLines {
        elements = Map.copyOf(elements);
        items = Map.copyOf(items);
        itemElements = copyNested(itemElements);
        arguments = copyNested(arguments);
    }

    /** Lines unknown (a model built in code): every lookup answers -1. */
    public static SourceLines unknown() {
        return new SourceLines(-1, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The line of an object-level element such as {@code ObjectURN}, else of the object. */
    public int line(String element) {
        return elements.getOrDefault(element, objectLine);
    }

    /** The line of the resource's {@code <Item>}, else of the object. */
    public int resourceLine(int resourceId) {
        return items.getOrDefault(resourceId, objectLine);
    }

    /** The line of an element of the resource's {@code <Item>}, else of the item, else of the object. */
    public int resourceLine(int resourceId, String element) {
        Map<String, Integer> lines = itemElements.get(resourceId);
        Integer line = lines == null ? null : lines.get(element);
        return line != null ? line : resourceLine(resourceId);
    }

    /** The line of an argument's entry in the {@code Description2} block, else of {@code Description2}. */
    public int argumentLine(int resourceId, int order) {
        Map<Integer, Integer> lines = arguments.get(resourceId);
        Integer line = lines == null ? null : lines.get(order);
        return line != null ? line : line("Description2");
    }

    private static <K, L> Map<Integer, Map<K, L>> copyNested(Map<Integer, Map<K, L>> nested) {
        Objects.requireNonNull(nested, "nested line map");
        Map<Integer, Map<K, L>> copy = new java.util.HashMap<>();
        nested.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return Map.copyOf(copy);
    }
}
