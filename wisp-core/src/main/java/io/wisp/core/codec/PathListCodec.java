package io.wisp.core.codec;

import io.wisp.core.path.LwM2mPath;
import java.util.List;

/** A format that carries a list of paths: Read-Composite and Observe-Composite request bodies (Core TS §6.3.8). */
public interface PathListCodec {

    ContentFormat format();

    byte[] encodePaths(List<LwM2mPath> paths);

    List<LwM2mPath> decodePaths(byte[] content);
}
