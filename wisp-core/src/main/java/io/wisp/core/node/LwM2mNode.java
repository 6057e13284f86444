package io.wisp.core.node;

/**
 * A node of a client's object tree (Core TS §6.1): an object, an object instance, a resource (single or multiple)
 * or a resource instance. Nodes are immutable and compare by content; a node knows its own ID, its path comes from
 * where it is read or written.
 */
public sealed interface LwM2mNode permits LwM2mObject, ObjectInstance, LwM2mResource, ResourceInstance {

    /** The node's own ID: object, instance, resource or resource instance ID. */
    int id();

    /** Checks an ID for a node; 65535 is reserved by the TS. */
    static int checkId(String field, int id) {
        if (id < 0 || id > 65534) {
            throw new IllegalArgumentException(field + " must be in 0..65534, got " + id);
        }
        return id;
    }
}
