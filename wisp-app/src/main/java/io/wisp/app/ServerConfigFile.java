package io.wisp.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The YAML configuration file of {@code wisp server} ({@code --config FILE}): one key per command-line option, named
 * like the option without its dashes ({@code coap-port: 5683}, {@code models: [./models]}). A flag given on the
 * command line wins over the file. Relative paths in the file ({@code data}, {@code models}) are relative to the
 * file's own directory. Every mistake is a {@link ConfigException} naming the file and the key.
 */
final class ServerConfigFile {
    /** The keys the file may hold. */
    static final Set<String> KEYS = Set.of("coap-bind", "coap-port", "coaps-port", "bootstrap-port",
            "bootstrap-coaps-port", "http-bind", "http-port", "api-token-required", "cors-origin", "data", "models");

    private final String name;
    private final Path base;
    private final JsonNode root;

    private ServerConfigFile(String name, Path base, JsonNode root) {
        this.name = name;
        this.base = base;
        this.root = root;
    }

    /** No file: every lookup is empty. */
    static ServerConfigFile none() {
        return new ServerConfigFile("", Path.of(""), new YAMLMapper().createObjectNode());
    }

    static ServerConfigFile read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config", name + " is not a readable file");
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(name, "not valid YAML" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(name, "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ServerConfigFile(name, base(file), new YAMLMapper().createObjectNode());
        }
        if (!root.isObject()) {
            throw new ConfigException(name, "must be a mapping of settings (key: value), e.g. 'coap-port: 5683'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            String key = it.next().getKey();
            if (!KEYS.contains(key)) {
                throw new ConfigException(name + ": " + key, "unknown setting; the settings are "
                        + new TreeSet<>(KEYS));
            }
        }
        return new ServerConfigFile(name, base(file), root);
    }

    private static Path base(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }

    Optional<Integer> port(String key) {
        return value(key).map(v -> {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new ConfigException(field(key), "must be a port number, got '" + v.asText() + "'");
            }
            return v.asInt();
        });
    }

    Optional<InetAddress> address(String key) {
        return value(key).map(v -> {
            if (!v.isTextual()) {
                throw new ConfigException(field(key), "must be an IP address such as 127.0.0.1, got " + v);
            }
            try {
                return InetAddress.getByName(v.asText());
            } catch (UnknownHostException e) {
                throw new ConfigException(field(key), "'" + v.asText() + "' is not an address of this host");
            }
        });
    }

    Optional<Boolean> bool(String key) {
        return value(key).map(v -> {
            if (!v.isBoolean()) {
                throw new ConfigException(field(key), "must be true or false, got '" + v.asText() + "'");
            }
            return v.asBoolean();
        });
    }

    /** A string or a list of strings. */
    Optional<List<String>> strings(String key) {
        return value(key).map(v -> {
            List<String> out = new ArrayList<>();
            if (v.isTextual()) {
                out.add(v.asText());
                return out;
            }
            if (!v.isArray()) {
                throw new ConfigException(field(key), "must be a string or a list of strings");
            }
            for (int k = 0; k < v.size(); k++) {
                if (!v.get(k).isTextual()) {
                    throw new ConfigException(field(key) + "[" + k + "]", "must be a string");
                }
                out.add(v.get(k).asText());
            }
            return out;
        });
    }

    Optional<Path> path(String key) {
        return strings(key).map(list -> {
            if (list.size() != 1) {
                throw new ConfigException(field(key), "must be one path");
            }
            return base.resolve(list.get(0));
        });
    }

    Optional<List<Path>> paths(String key) {
        return strings(key).map(list -> list.stream().map(base::resolve).toList());
    }

    private Optional<JsonNode> value(String key) {
        JsonNode v = root.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private String field(String key) {
        return name + ": " + key;
    }
}
