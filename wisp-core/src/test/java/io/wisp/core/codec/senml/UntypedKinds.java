package io.wisp.core.codec.senml;

import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;

/**
 * The type a value has after a SenML round trip without models, as the package documentation promises: Time reads
 * back as Integer and Corelnk as String (SenML does not tell them apart); an Unsigned Integer below 2^63 as Integer.
 */
final class UntypedKinds {
    private UntypedKinds() {
    }

    static DataType expected(Value v) {
        switch (v.type()) {
            case TIME:
                return DataType.INTEGER;
            case CORELNK:
                return DataType.STRING;
            case UNSIGNED_INTEGER:
                return ((Value.UnsignedIntegerValue) v).bits() < 0 ? DataType.UNSIGNED_INTEGER : DataType.INTEGER;
            default:
                return v.type();
        }
    }

    static DataType kindOf(LwM2mNode node) {
        if (node instanceof SingleResource s) {
            return s.value().type();
        }
        return ((ResourceInstance) node).value().type();
    }
}
