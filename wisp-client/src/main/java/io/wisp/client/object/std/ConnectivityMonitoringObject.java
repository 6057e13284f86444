package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.MultiValues;
import io.wisp.core.node.Value;
import java.util.Arrays;

/**
 * Connectivity Monitoring (object 4, Core TS Appendix E.5) of a simulated device on LTE: bearer, available bearers,
 * radio signal strength, link quality, IP addresses, APN and cell identity. All read-only for servers; the
 * application or simulator updates them with the setters, and observers are told.
 */
public final class ConnectivityMonitoringObject extends ModelEnabler {
    /** Network Bearer values (/4/0/0) of the TS. */
    public static final int LTE_FDD = 6;
    public static final int NB_IOT = 7;
    public static final int WLAN = 21;
    public static final int ETHERNET = 41;

    public ConnectivityMonitoringObject() {
        super(StandardModels.CONNECTIVITY_MONITORING);
        addInstance(0);
        set(0, 0, Value.of((long) LTE_FDD));
        set(0, 1, MultiValues.list(Value.of((long) LTE_FDD), Value.of((long) NB_IOT), Value.of((long) WLAN)));
        set(0, 2, Value.of(-85L));
        set(0, 3, Value.of(20L));
        set(0, 4, MultiValues.list(Value.of("127.0.0.1")));
        set(0, 7, MultiValues.list(Value.of("internet")));
        set(0, 8, Value.of(31_415L));
        set(0, 9, Value.of(1L));
        set(0, 10, Value.of(208L));
    }

    /** Sets the Radio Signal Strength (/4/0/2, dBm) and Link Quality (/4/0/3). */
    public void setRadio(int signalStrengthDbm, int linkQuality) {
        set(0, 2, Value.of((long) signalStrengthDbm));
        set(0, 3, Value.of((long) linkQuality));
    }

    /** Sets the IP Addresses (/4/0/4). */
    public void setIpAddresses(String... addresses) {
        set(0, 4, MultiValues.list(Arrays.stream(addresses).map(Value::of).toArray(Value[]::new)));
    }
}
