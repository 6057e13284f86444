package io.wisp.core.model.ddf;

import io.wisp.core.model.ObjectModel;
import java.util.List;

/**
 * What must hold for any input, however broken: the reader returns a result (never throws), and whatever models it
 * built are either written and read back unchanged, or refused by the writer with its typed exception.
 */
final class ReadOracle {
    private ReadOracle() {
    }

    static DdfReadResult check(byte[] input) {
        DdfReadResult result = DdfReader.read(input, "input.xml");
        if (result == null || result.problems().isEmpty() && result.models().isEmpty()) {
            throw new AssertionError("a file without models must say why in a problem");
        }
        List<ObjectModel> models = result.models();
        if (models.isEmpty()) {
            return result;
        }
        byte[] written;
        try {
            written = DdfWriter.write(models);
        } catch (DdfWriteException refused) {
            return result;
        }
        List<ObjectModel> again = DdfReader.read(written, "rewritten.xml").models();
        if (!again.equals(models)) {
            throw new AssertionError("read -> write -> read changed the models:\n" + models + "\n" + again);
        }
        return result;
    }
}
