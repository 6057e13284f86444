package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.Requester;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.node.Value;

/**
 * Connectivity Statistics (object 7, Core TS Appendix E.8): SMS and IP traffic counters collected between a Start
 * (/7/0/6, which resets them) and a Stop (/7/0/7). The engine reports traffic with {@link #recordSent} and
 * {@link #recordReceived}; outside a collection period nothing is counted. Tx/Rx Data are in kilobytes.
 */
public final class ConnectivityStatisticsObject extends ModelEnabler {
    private static final int TX_DATA = 2;
    private static final int RX_DATA = 3;
    private static final int MAX_MESSAGE = 4;
    private static final int AVERAGE_MESSAGE = 5;
    private static final int START = 6;
    private static final int STOP = 7;

    private boolean collecting;
    private long txBytes;
    private long rxBytes;
    private long messages;
    private long largest;

    public ConnectivityStatisticsObject() {
        super(StandardModels.CONNECTIVITY_STATISTICS);
        addInstance(0);
    }

    /** Whether a collection period is running. */
    public synchronized boolean isCollecting() {
        return collecting;
    }

    /** Counts a sent message of this many bytes, when collecting. */
    public void recordSent(int bytes) {
        if (count(bytes, true)) {
            fireValueChanged(0, TX_DATA);
        }
    }

    /** Counts a received message of this many bytes, when collecting. */
    public void recordReceived(int bytes) {
        if (count(bytes, false)) {
            fireValueChanged(0, RX_DATA);
        }
    }

    private synchronized boolean count(int bytes, boolean sent) {
        if (!collecting) {
            return false;
        }
        if (sent) {
            txBytes += bytes;
        } else {
            rxBytes += bytes;
        }
        messages++;
        largest = Math.max(largest, bytes);
        return true;
    }

    @Override
    protected synchronized Value readValue(int instanceId, int resourceId, Value stored) {
        switch (resourceId) {
            case TX_DATA:
                return Value.of(txBytes / 1024);
            case RX_DATA:
                return Value.of(rxBytes / 1024);
            case MAX_MESSAGE:
                return Value.of(largest);
            case AVERAGE_MESSAGE:
                return Value.of(messages == 0 ? 0 : (txBytes + rxBytes) / messages);
            default:
                return stored;
        }
    }

    @Override
    protected void execute(Requester requester, int instanceId, int resourceId, ExecuteArguments arguments) {
        if (resourceId == START) {
            synchronized (this) {
                collecting = true;
                txBytes = 0;
                rxBytes = 0;
                messages = 0;
                largest = 0;
            }
            fireValueChanged(0, TX_DATA);
            fireValueChanged(0, RX_DATA);
        } else if (resourceId == STOP) {
            synchronized (this) {
                collecting = false;
            }
        }
    }
}
