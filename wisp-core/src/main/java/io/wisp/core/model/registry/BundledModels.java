package io.wisp.core.model.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The object definitions shipped inside wisp-core: the core objects of the LwM2M TS (0–7, 21) and common IPSO
 * objects, as DDF files written by the Wisp authors. They live beside {@code index.txt}, which names each file, so
 * nothing depends on scanning the class path (which fails inside shaded jars and custom class loaders).
 */
public final class BundledModels {
    /** Class-path folder of the bundled DDF files and their index. */
    public static final String FOLDER = "/io/wisp/core/model/bundled/";

    private BundledModels() {
    }

    /** The bundled DDF file names, in index order. Blank lines and {@code #} comments in the index are skipped. */
    public static List<String> fileNames() {
        String index = new String(read("index.txt"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /**
     * The bytes of one bundled file. A missing file means the jar was built wrongly, so it is an
     * {@link UncheckedIOException} rather than a finding.
     */
    public static byte[] read(String fileName) {
        if (fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("fileName must be a plain file name, got '" + fileName + "'");
        }
        try (InputStream in = BundledModels.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new IOException("bundled model file " + FOLDER + fileName + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a bundled file came from, as shown to users: {@code bundled:3.xml}. */
    public static String sourceName(String fileName) {
        return "bundled:" + fileName;
    }
}
