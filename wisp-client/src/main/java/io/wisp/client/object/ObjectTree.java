package io.wisp.client.object;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.link.Link;
import io.wisp.core.link.LinkAttribute;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A client's objects: one {@link ObjectEnabler} per object ID, the object links it announces in Register and Update
 * (Core TS §6.2.1), and the operations routed to the enabler that owns a path (4.04 Not Found for an object the
 * client does not have). The tree listens to every enabler it holds and passes their changes on to its own
 * listeners (observations, the registration engine).
 *
 * <p>Thread-safe; the enabler set is copied on change (rare) and read without locking (every request).
 */
public final class ObjectTree implements ChangeListener {
    /** Security (0), OSCORE (21) and COSE (23): never announced in Register (Core TS §6.2.1) nor served to servers. */
    private static final int[] SECURITY_OBJECTS = {0, 21, 23};
    private static final ObjectEnabler[] NO_ENABLERS = new ObjectEnabler[0];
    private static final ChangeListener[] NO_LISTENERS = new ChangeListener[0];

    private volatile ObjectEnabler[] enablers = NO_ENABLERS;
    private volatile ChangeListener[] listeners = NO_LISTENERS;
    private final ObjectModels models = new TreeModels();

    /** Adds an enabler; throws {@link IllegalArgumentException} when the tree already has its object ID. */
    public synchronized void add(ObjectEnabler enabler) {
        int id = enabler.model().id();
        int k = indexOf(enablers, id);
        if (k >= 0) {
            throw new IllegalArgumentException("the tree already has object " + id);
        }
        ObjectEnabler[] next = new ObjectEnabler[enablers.length + 1];
        int at = -k - 1;
        System.arraycopy(enablers, 0, next, 0, at);
        next[at] = enabler;
        System.arraycopy(enablers, at, next, at + 1, enablers.length - at);
        enabler.setChangeListener(this);
        enablers = next;
        instancesChanged(id);
    }

    /** Removes the enabler of an object and stops listening to it; returns it, or null when absent. */
    public synchronized ObjectEnabler remove(int objectId) {
        int k = indexOf(enablers, objectId);
        if (k < 0) {
            return null;
        }
        ObjectEnabler gone = enablers[k];
        ObjectEnabler[] next = new ObjectEnabler[enablers.length - 1];
        System.arraycopy(enablers, 0, next, 0, k);
        System.arraycopy(enablers, k + 1, next, k, enablers.length - k - 1);
        enablers = next;
        gone.setChangeListener(null);
        instancesChanged(objectId);
        return gone;
    }

    /** The enabler of an object, or null when the tree does not have it. */
    public ObjectEnabler find(int objectId) {
        ObjectEnabler[] all = enablers;
        int k = indexOf(all, objectId);
        return k >= 0 ? all[k] : null;
    }

    /** The enablers by ascending object ID. */
    public List<ObjectEnabler> enablers() {
        return List.of(enablers);
    }

    /** The object IDs present, ascending. */
    public List<Integer> objectIds() {
        return Arrays.stream(enablers).map(e -> e.model().id()).toList();
    }

    /** The models of the objects in the tree, for the codecs: each object as this client implements it. */
    public ObjectModels models() {
        return models;
    }

    /** Whether an object is one of the security objects (0, 21, 23) no server may see (Core TS §6.2.1, §7.1). */
    public static boolean isSecurityObject(int objectId) {
        for (int id : SECURITY_OBJECTS) {
            if (id == objectId) {
                return true;
            }
        }
        return false;
    }

    // ---- registration links

    /**
     * The root link of a Register payload (Core TS §6.2.1): {@code </>;rt="oma.lwm2m"} with the alternate path
     * (normally {@code /}) and, for 1.1+, the content formats the client supports in {@code ct}.
     */
    public static Link rootLink(String alternatePath, List<ContentFormat> contentFormats) {
        Objects.requireNonNull(alternatePath, "alternatePath");
        List<LinkAttribute> attributes = new ArrayList<>(2);
        attributes.add(LinkAttribute.of("rt", "oma.lwm2m"));
        if (!contentFormats.isEmpty()) {
            attributes.add(LinkAttribute.of("ct", contentFormats.stream().map(f -> Integer.toString(f.code()))
                    .collect(Collectors.joining(" "))));
        }
        return new Link(alternatePath, attributes);
    }

    /**
     * The object links of a Register or Update payload (Core TS §6.2.1): the root link when one is given, then per
     * object (ascending) one link per instance, preceded by the object's own link when the object has no instance or
     * a version other than 1.0 ({@code </3303>;ver=1.1}). The security objects are never listed.
     */
    public List<Link> objectLinks(Link root) {
        List<Link> out = new ArrayList<>();
        String prefix = "";
        if (root != null) {
            out.add(root);
            prefix = root.uriReference().equals("/") ? "" : root.uriReference();
        }
        for (ObjectEnabler e : enablers) {
            ObjectModel model = e.model();
            if (isSecurityObject(model.id())) {
                continue;
            }
            List<Integer> instances = e.instanceIds();
            Version version = model.objectVersion();
            String objectUri = prefix + "/" + model.id();
            if (!version.equals(Version.V1_0)) {
                out.add(Link.of(objectUri, LinkAttribute.of("ver", version.toString())));
            } else if (instances.isEmpty()) {
                out.add(Link.of(objectUri));
            }
            for (int id : instances) {
                out.add(Link.of(objectUri + "/" + id));
            }
        }
        return out;
    }

    // ---- operations, routed by object ID

    /** Reads a path; see {@link ObjectEnabler#read}. */
    public LwM2mNode read(Requester requester, LwM2mPath path) {
        return owner(path).read(requester, path);
    }

    /** Writes a path; see {@link ObjectEnabler#write}. */
    public void write(Requester requester, LwM2mPath path, LwM2mNode node, boolean replace) {
        owner(path).write(requester, path, node, replace);
    }

    /** Executes a resource; see {@link ObjectEnabler#execute}. */
    public void execute(Requester requester, LwM2mPath path, ExecuteArguments arguments) {
        owner(path).execute(requester, path, arguments);
    }

    /** Creates an instance of an object; returns its ID. See {@link ObjectEnabler#create}. */
    public int create(Requester requester, int objectId, ObjectInstance instance) {
        return owner(LwM2mPath.of(objectId)).create(requester, instance);
    }

    /** Deletes an instance or resource instance; see {@link ObjectEnabler#delete}. */
    public void delete(Requester requester, LwM2mPath path) {
        owner(path).delete(requester, path);
    }

    /**
     * Whether the path names something the client has: an object, an existing instance, a resource its model
     * defines in an existing instance, an existing resource instance.
     */
    public boolean exists(LwM2mPath path) {
        if (path.isRoot()) {
            return true;
        }
        ObjectEnabler e = find(path.objectId());
        if (e == null) {
            return false;
        }
        if (path.isObject()) {
            return true;
        }
        if (!e.instanceIds().contains(path.instanceId())) {
            return false;
        }
        if (path.isObjectInstance()) {
            return true;
        }
        if (e.model().resource(path.resourceId()) == null) {
            return false;
        }
        if (path.isResource()) {
            return true;
        }
        try {
            e.read(Requester.LOCAL, path);
            return true;
        } catch (ObjectException notThere) {
            return false;
        }
    }

    // ---- listeners

    /** Adds a listener that hears every change in every object of the tree. */
    public synchronized void addListener(ChangeListener listener) {
        ChangeListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = Objects.requireNonNull(listener, "listener");
        listeners = next;
    }

    public synchronized void removeListener(ChangeListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(ChangeListener[]::new);
    }

    @Override
    public void valuesChanged(Iterable<LwM2mPath> paths) {
        for (ChangeListener l : listeners) {
            l.valuesChanged(paths);
        }
    }

    @Override
    public void instancesChanged(int objectId) {
        for (ChangeListener l : listeners) {
            l.instancesChanged(objectId);
        }
    }

    private ObjectEnabler owner(LwM2mPath path) {
        if (path.isRoot()) {
            throw ObjectException.methodNotAllowed("the root path / is not an object");
        }
        ObjectEnabler e = find(path.objectId());
        if (e == null) {
            throw ObjectException.notFound("the client has no object " + path.objectId());
        }
        return e;
    }

    private static int indexOf(ObjectEnabler[] all, int objectId) {
        int lo = 0;
        int hi = all.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int id = all[mid].model().id();
            if (id < objectId) {
                lo = mid + 1;
            } else if (id > objectId) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The enablers' models as codecs look them up: by ID, whatever version is asked (the client has one). */
    private final class TreeModels implements ObjectModels {
        @Override
        public Optional<ObjectModel> find(int objectId) {
            ObjectEnabler e = ObjectTree.this.find(objectId);
            return e == null ? Optional.empty() : Optional.of(e.model());
        }

        @Override
        public Optional<ObjectModel> find(int objectId, Version version) {
            return find(objectId);
        }

        @Override
        public Collection<ObjectModel> all() {
            return Arrays.stream(enablers).map(ObjectEnabler::model).toList();
        }
    }
}
