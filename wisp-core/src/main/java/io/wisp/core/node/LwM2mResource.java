package io.wisp.core.node;

/** A resource: one value ({@link SingleResource}) or a set of resource instances ({@link MultipleResource}). */
public sealed interface LwM2mResource extends LwM2mNode permits SingleResource, MultipleResource {

    /** The data type of the value(s). */
    DataType type();

    boolean isMultiple();
}
