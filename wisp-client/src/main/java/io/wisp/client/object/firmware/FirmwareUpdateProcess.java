package io.wisp.client.object.firmware;

import io.wisp.client.object.ChangeListener;
import io.wisp.client.object.ObjectException;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firmware update state machine of Core TS Appendix E.6 (object 5, figure "Firmware Update State Diagram"):
 *
 * <pre>
 * Idle        --write Package / Package URI-->  Downloading (result 0)
 * Downloading --package verified-->             Downloaded  (result 0)
 * Downloading --download or check failed-->     Idle        (result 2..7, 9)
 * Downloaded  --execute Update-->               Updating    (result 0), or stays Downloaded (result 11, deferred)
 * Updating    --installed-->                    Idle        (result 1)
 * Updating    --install failed-->               Downloaded  (result 8), or Idle (other results: package dropped)
 * any but Updating --empty Package or Package URI--> Idle   (result 0, download cancelled, package dropped)
 * Downloading, Downloaded --execute Cancel-->   Idle        (result 10)
 * </pre>
 *
 * Every operation the diagram does not name is refused with 4.05 and changes nothing. Work (checking, fetching,
 * installing) runs on the executor; each piece belongs to one generation, and a reset or cancel starts a new one,
 * so late results of abandoned work are dropped. Changes are made under this object's lock and reported to the
 * listener while it is held, in order, after the new {@link FirmwareStatus} is published: a listener reads exactly
 * the values of the change it hears about. Reads never take the lock.
 */
final class FirmwareUpdateProcess {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareUpdateProcess.class);

    private final FirmwareInstaller installer;
    private final PackageFetcher fetcher;
    private final Executor executor;
    private final Clock clock;
    private volatile FirmwareStatus status;
    private volatile ChangeListener listener;

    /** The package while Downloaded (and Updating); guarded by this. */
    private byte[] image;
    /** Bumped whenever the current work is abandoned or replaced; guarded by this. */
    private long generation;
    /** The running fetch or deferral timer, cancelled on reset; guarded by this. */
    private CompletableFuture<?> pending;

    FirmwareUpdateProcess(FirmwareInstaller installer, PackageFetcher fetcher, Executor executor, Clock clock) {
        this.installer = installer;
        this.fetcher = fetcher;
        this.executor = executor;
        this.clock = clock;
        this.status = FirmwareStatus.initial(now(clock));
    }

    FirmwareStatus status() {
        return status;
    }

    void setListener(ChangeListener value) {
        this.listener = value;
    }

    /** Execute Update /5/0/2: allowed in Downloaded only. */
    synchronized void update() {
        if (status.state() != FirmwareState.DOWNLOADED) {
            throw ObjectException.methodNotAllowed("Update can be executed in state Downloaded only (Core TS E.6); "
                    + "the state is " + status.state());
        }
        beginUpdate();
    }

    /** Execute Cancel /5/0/10: allowed while downloading or downloaded, not once installation began or ended. */
    synchronized void cancel() {
        FirmwareState state = status.state();
        if (state != FirmwareState.DOWNLOADING && state != FirmwareState.DOWNLOADED) {
            throw ObjectException.methodNotAllowed("Cancel can be executed in states Downloading and Downloaded only "
                    + "(Core TS E.6); the state is " + state);
        }
        abandonWork();
        image = null;
        commit(status.with(FirmwareState.IDLE, UpdateResult.CANCELLED).withPackageInfo(PackageInfo.NONE));
    }

    /** Starts an update the user deferred; false when none is deferred. */
    synchronized boolean startDeferredUpdate() {
        if (status.state() != FirmwareState.DOWNLOADED || status.result() != UpdateResult.DEFERRED) {
            return false;
        }
        abandonWork();
        startInstall(generation);
        return true;
    }

    /**
     * One server Write, all or nothing: the new settings (Severity, Maximum Defer Period, Automatic Upgrade at
     * Download) computed from the current status, then at most one of a Package {@code pkg} (push delivery) or a
     * Package URI {@code uri} (pull delivery), either may be null. An empty Package, a single NUL byte, an empty URI
     * or a lone NUL character resets the state machine. When the package or URI is refused in the current state,
     * nothing changes.
     */
    synchronized void write(UnaryOperator<FirmwareStatus> settings, byte[] pkg, String uri) {
        boolean reset = pkg != null ? isResetPackage(pkg) : uri != null && isResetUri(uri);
        if (pkg != null || uri != null) {
            String what = pkg != null ? "Package" : "Package URI";
            refuseWhileUpdating("write " + what);
            if (!reset) {
                refuseUnlessIdle("write a new " + what);
            }
        }
        commit(settings.apply(status));
        if (reset) {
            reset();
        } else if (pkg != null) {
            long gen = startDownload("");
            submit(gen, () -> verifyDownloaded(gen, pkg), UpdateResult.OUT_OF_RAM);
        } else if (uri != null) {
            long gen = startDownload(uri);
            submit(gen, () -> startFetch(gen, uri), UpdateResult.OUT_OF_RAM);
        }
    }

    private static boolean isResetPackage(byte[] pkg) {
        return pkg.length == 0 || pkg.length == 1 && pkg[0] == 0;
    }

    private static boolean isResetUri(String uri) {
        return uri.isEmpty() || uri.equals("\0");
    }

    private void refuseWhileUpdating(String what) {
        if (status.state() == FirmwareState.UPDATING) {
            throw ObjectException.methodNotAllowed("cannot " + what + " while the firmware is being installed "
                    + "(state Updating, Core TS E.6)");
        }
    }

    private void refuseUnlessIdle(String what) {
        if (status.state() != FirmwareState.IDLE) {
            throw ObjectException.methodNotAllowed("cannot " + what + " in state " + status.state()
                    + " (Core TS E.6); reset first with an empty Package URI");
        }
    }

    private void reset() {
        abandonWork();
        image = null;
        commit(status.with(FirmwareState.IDLE, UpdateResult.INITIAL).withPackageUri("")
                .withPackageInfo(PackageInfo.NONE));
        LOG.debug("Firmware update reset to Idle");
    }

    private long startDownload(String uri) {
        abandonWork();
        image = null;
        commit(status.with(FirmwareState.DOWNLOADING, UpdateResult.INITIAL).withPackageUri(uri)
                .withPackageInfo(PackageInfo.NONE));
        return generation;
    }

    /** Stops any running work (fetch, check, deferral timer): a new generation begins. */
    private void abandonWork() {
        generation++;
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }

    private void startFetch(long gen, String uri) {
        CompletableFuture<byte[]> fetch;
        try {
            fetch = fetcher.fetch(uri);
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
            if (gen != generation) {
                fetch.cancel(true);
                return;
            }
            pending = fetch;
        }
        fetch.whenCompleteAsync((bytes, failure) -> {
            if (failure == null) {
                verifyDownloaded(gen, bytes);
            } else {
                fetchFailed(gen, failure);
            }
        }, executor);
    }

    private void fetchFailed(long gen, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            return;
        }
        UpdateResult result;
        if (cause instanceof FetchException fe) {
            result = fe.result();
            LOG.info("Firmware download failed with result {}: {}", result.code(), fe.getMessage());
        } else {
            result = UpdateResult.CONNECTION_LOST;
            LOG.warn("Firmware download failed unexpectedly", cause);
        }
        synchronized (this) {
            if (gen == generation) {
                pending = null;
                commit(status.with(FirmwareState.IDLE, result));
            }
        }
    }

    private void verifyDownloaded(long gen, byte[] pkg) {
        Verdict verdict;
        try {
            verdict = installer.verify(pkg);
        } catch (RuntimeException e) {
            LOG.warn("Firmware installer failed to verify a package", e);
            verdict = Verdict.refused(UpdateResult.INTEGRITY_FAILURE, "verification failed: " + e);
        }
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            pending = null;
            if (verdict instanceof Verdict.Accepted accepted) {
                image = pkg;
                commit(status.with(FirmwareState.DOWNLOADED, UpdateResult.INITIAL).withPackageInfo(accepted.info()));
                if (status.automaticUpgrade()) {
                    beginUpdate();
                }
            } else {
                Verdict.Refused refused = (Verdict.Refused) verdict;
                LOG.info("Firmware package refused with result {}: {}", refused.result().code(), refused.reason());
                commit(status.with(FirmwareState.IDLE, refused.result()));
            }
        }
    }

    /** From Downloaded: ask about deferring when the server allows it, else install at once. */
    private void beginUpdate() {
        abandonWork();
        long gen = generation;
        long deferPeriod = status.maxDeferPeriod();
        if (deferPeriod > 0) {
            submit(gen, () -> askDeferral(gen), UpdateResult.UPDATE_FAILED);
        } else {
            startInstall(gen);
        }
    }

    private void askDeferral(long gen) {
        FirmwareStatus asked = status;
        boolean defer;
        try {
            defer = installer.defer(asked.packageInfo(), asked.severity());
        } catch (RuntimeException e) {
            LOG.warn("Firmware installer failed to answer whether to defer; installing now", e);
            defer = false;
        }
        synchronized (this) {
            if (gen != generation || status.state() != FirmwareState.DOWNLOADED) {
                return;
            }
            if (!defer) {
                startInstall(gen);
                return;
            }
            commit(status.with(FirmwareState.DOWNLOADED, UpdateResult.DEFERRED));
            pending = CompletableFuture.runAsync(() -> deferralEnded(gen),
                    CompletableFuture.delayedExecutor(asked.maxDeferPeriod(), TimeUnit.SECONDS, executor));
        }
    }

    private synchronized void deferralEnded(long gen) {
        if (gen == generation && status.state() == FirmwareState.DOWNLOADED) {
            pending = null;
            startInstall(gen);
        }
    }

    private void startInstall(long gen) {
        byte[] pkg = image;
        PackageInfo info = status.packageInfo();
        commit(status.with(FirmwareState.UPDATING, UpdateResult.INITIAL));
        submit(gen, () -> install(gen, pkg, info), UpdateResult.UPDATE_FAILED);
    }

    private void install(long gen, byte[] pkg, PackageInfo info) {
        Verdict verdict;
        try {
            verdict = installer.install(pkg, info);
        } catch (RuntimeException e) {
            LOG.warn("Firmware installer failed to install a package", e);
            verdict = Verdict.refused(UpdateResult.UPDATE_FAILED, "installation failed: " + e);
        }
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            if (verdict instanceof Verdict.Accepted) {
                image = null;
                commit(status.with(FirmwareState.IDLE, UpdateResult.SUCCESS));
                LOG.info("Firmware updated to {} {}", info.name(), info.version());
            } else {
                Verdict.Refused refused = (Verdict.Refused) verdict;
                LOG.info("Firmware update failed with result {}: {}", refused.result().code(), refused.reason());
                if (refused.result() == UpdateResult.UPDATE_FAILED) {
                    commit(status.with(FirmwareState.DOWNLOADED, UpdateResult.UPDATE_FAILED));
                } else {
                    image = null;
                    commit(status.with(FirmwareState.IDLE, refused.result()));
                }
            }
        }
    }

    /** Runs work of generation {@code gen}; if the executor refuses it, the step fails with {@code onRejected}. */
    private void submit(long gen, Runnable work, UpdateResult onRejected) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.warn("Executor refused firmware update work; failing with result {}", onRejected.code(), e);
            if (gen == generation) {
                FirmwareState back = onRejected == UpdateResult.UPDATE_FAILED ? FirmwareState.DOWNLOADED
                        : FirmwareState.IDLE;
                commit(status.with(back, onRejected));
            }
        }
    }

    /** Publishes {@code next} and tells the listener which resources changed, all under the lock. */
    private void commit(FirmwareStatus next) {
        FirmwareStatus prev = status;
        FirmwareStatus published = next.state() == prev.state() ? next : next.withLastStateChange(now(clock));
        status = published;
        List<LwM2mPath> changed = changedPaths(prev, published);
        ChangeListener l = listener;
        if (l != null && !changed.isEmpty()) {
            try {
                l.valuesChanged(changed);
            } catch (RuntimeException e) {
                LOG.warn("Change listener failed on {}", changed, e);
            }
        }
    }

    private static List<LwM2mPath> changedPaths(FirmwareStatus a, FirmwareStatus b) {
        List<LwM2mPath> paths = new ArrayList<>(4);
        addIf(paths, !a.packageUri().equals(b.packageUri()), FirmwareResource.PACKAGE_URI);
        addIf(paths, a.state() != b.state(), FirmwareResource.STATE);
        addIf(paths, a.result() != b.result(), FirmwareResource.UPDATE_RESULT);
        addIf(paths, !a.packageInfo().name().equals(b.packageInfo().name()), FirmwareResource.PKG_NAME);
        addIf(paths, !a.packageInfo().version().equals(b.packageInfo().version()), FirmwareResource.PKG_VERSION);
        addIf(paths, a.severity() != b.severity(), FirmwareResource.SEVERITY);
        addIf(paths, !a.lastStateChange().equals(b.lastStateChange()), FirmwareResource.LAST_STATE_CHANGE_TIME);
        addIf(paths, a.maxDeferPeriod() != b.maxDeferPeriod(), FirmwareResource.MAX_DEFER_PERIOD);
        addIf(paths, a.automaticUpgrade() != b.automaticUpgrade(), FirmwareResource.AUTOMATIC_UPGRADE);
        return paths;
    }

    private static void addIf(List<LwM2mPath> paths, boolean changed, int resourceId) {
        if (changed) {
            paths.add(FirmwareResource.path(resourceId));
        }
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
