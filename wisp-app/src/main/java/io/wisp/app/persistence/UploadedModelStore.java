package io.wisp.app.persistence;

import java.util.List;

/** The object definitions uploaded to the server, kept across restarts. */
public interface UploadedModelStore {

    /** Stores {@code model}, replacing one of the same object ID and version. */
    void save(StoredModel model);

    /** Every stored definition, oldest upload first. */
    List<StoredModel> all();
}
