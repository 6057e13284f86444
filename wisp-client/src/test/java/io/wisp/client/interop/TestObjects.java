package io.wisp.client.interop;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfWriter;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import java.util.List;

/**
 * An object of the test suite's own, for what no bundled object offers: a readable and writable Opaque resource
 * (so that a server can Read and Write in the opaque format) next to a string. Written as a DDF file with Wisp's
 * writer so that a peer can load it with its own DDF parser.
 */
final class TestObjects {
    /** The object ID, from the range the OMNA leaves to private use. */
    static final int BLOB = 32769;
    static final int BLOB_DATA = 0;
    static final int BLOB_LABEL = 1;

    static final ObjectModel BLOB_MODEL = new ObjectModel(BLOB, "Wisp Test Blob", "Opaque data for interop tests", "",
            true, false, "urn:oma:lwm2m:x:" + BLOB, Version.V1_0, Version.V1_1, "",
            ObjectModel.byId(List.of(
                    ResourceModel.of(BLOB_DATA, "Data", Operations.READ_WRITE, false, true, DataType.OPAQUE),
                    ResourceModel.of(BLOB_LABEL, "Label", Operations.READ_WRITE, false, false, DataType.STRING))));

    private TestObjects() {
    }

    /** The DDF file of the test object. */
    static byte[] blobDdf() {
        return DdfWriter.write(BLOB_MODEL);
    }

    /** Wisp's bundled models plus the test object, for a Wisp server. */
    static ModelRegistry withBlob() {
        return ModelRegistry.builder().addBundled().add(BLOB_MODEL, "TestObjects").build();
    }
}
