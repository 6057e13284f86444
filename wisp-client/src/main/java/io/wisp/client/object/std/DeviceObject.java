package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.MultiValues;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.Requester;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Device (object 3, Core TS Appendix E.4) of a simulated device: manufacturer, model, serial, versions, power
 * sources, battery, memory, error codes, supported binding, and a Current Time (/3/0/13) that ticks with the clock
 * and that a server may set (the offset is kept, the clock is not touched). UTC Offset (/3/0/14, ISO 8601 such as
 * {@code +02:00}) and Timezone (/3/0/15, an IANA zone ID) are checked on write (4.00 otherwise). Reboot (/3/0/4) and
 * Factory Reset (/3/0/5) go to {@link ClientActions}; Reset Error Code (/3/0/12) leaves the single code 0.
 *
 * <p>The constant values are shared by every client; each device holds only its serial number and time offset.
 */
public final class DeviceObject extends ModelEnabler {
    /** Battery Status (/3/0/20) values of the TS. */
    public static final int BATTERY_NORMAL = 0;
    public static final int BATTERY_CHARGING = 1;
    public static final int BATTERY_LOW = 4;

    private static final int REBOOT = 4;
    private static final int FACTORY_RESET = 5;
    private static final int ERROR_CODE = 11;
    private static final int RESET_ERROR_CODE = 12;
    private static final int CURRENT_TIME = 13;
    private static final int UTC_OFFSET = 14;
    private static final int TIMEZONE = 15;

    private static final MultiValues NO_ERROR = MultiValues.list(Value.of(0L));
    private static final Object[][] DEFAULTS = {
        {0, Value.of("Wisp")},
        {1, Value.of("Wisp Simulated Device")},
        {3, Value.of("1.0.0")},
        {6, MultiValues.list(Value.of(1L), Value.of(5L))},
        {7, MultiValues.list(Value.of(3800L), Value.of(5000L))},
        {8, MultiValues.list(Value.of(125L), Value.of(900L))},
        {9, Value.of(100L)},
        {10, Value.of(12_288L)},
        {ERROR_CODE, NO_ERROR},
        {UTC_OFFSET, Value.of("+00:00")},
        {TIMEZONE, Value.of("Etc/UTC")},
        {16, Value.of("U")},
        {17, Value.of("Simulator")},
        {18, Value.of("1.0")},
        {19, Value.of("1.0.0")},
        {20, Value.of((long) BATTERY_NORMAL)},
        {21, Value.of(16_384L)},
    };

    private final ClientActions actions;
    private final Clock clock;
    private volatile long timeOffset;

    /** A device with this serial number (/3/0/2) whose time comes from {@code clock}. */
    public DeviceObject(String serialNumber, ClientActions actions, Clock clock) {
        super(StandardModels.DEVICE);
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
        addInstance(0);
        for (Object[] d : DEFAULTS) {
            if (d[1] instanceof Value v) {
                set(0, (Integer) d[0], v);
            } else {
                set(0, (Integer) d[0], (MultiValues) d[1]);
            }
        }
        set(0, 2, Value.of(Objects.requireNonNull(serialNumber, "serialNumber")));
    }

    /** Adds an error code (/3/0/11, Core TS Appendix E.4: 1 low battery ... 8 out of memory) unless present. */
    public void addErrorCode(int code) {
        MultiValues codes = values(0, ERROR_CODE);
        if (codes.size() == 1 && Value.of(0L).equals(codes.get(codes.ids().get(0)))) {
            codes = MultiValues.EMPTY;
        }
        for (int id : codes.ids()) {
            if (codes.get(id).equals(Value.of((long) code))) {
                return;
            }
        }
        int next = codes.size() == 0 ? 0 : codes.ids().get(codes.size() - 1) + 1;
        set(0, ERROR_CODE, codes.with(next, Value.of((long) code)));
    }

    /** Sets the Battery Level (/3/0/9, percent) and Battery Status (/3/0/20). */
    public void setBattery(int levelPercent, int status) {
        set(0, 9, Value.of((long) levelPercent));
        set(0, 20, Value.of((long) status));
    }

    @Override
    protected Value readValue(int instanceId, int resourceId, Value stored) {
        if (resourceId == CURRENT_TIME) {
            return Value.time(clock.millis() / 1000 + timeOffset);
        }
        return stored;
    }

    @Override
    protected void beforeWrite(Requester requester, int instanceId, LwM2mResource resource) {
        if (!(resource instanceof SingleResource single)) {
            return;
        }
        switch (resource.id()) {
            case CURRENT_TIME -> timeOffset = ((Value.TimeValue) single.value()).epochSeconds() - clock.millis() / 1000;
            case UTC_OFFSET -> {
                String text = ((Value.StringValue) single.value()).value();
                if (!text.matches("Z|[+-](0\\d|1[0-4])(:?[0-5]\\d)?")) {
                    throw ObjectException.badRequest("the UTC offset /3/0/14 must be ISO 8601 such as +02:00 or Z, "
                            + "got '" + text + "'");
                }
            }
            case TIMEZONE -> {
                String text = ((Value.StringValue) single.value()).value();
                try {
                    ZoneId.of(text);
                } catch (DateTimeException e) {
                    throw ObjectException.badRequest("the timezone /3/0/15 must be an IANA zone such as "
                            + "Europe/Paris, got '" + text + "'");
                }
            }
            default -> {
            }
        }
    }

    @Override
    protected void execute(Requester requester, int instanceId, int resourceId, ExecuteArguments arguments) {
        switch (resourceId) {
            case REBOOT -> actions.reboot();
            case FACTORY_RESET -> actions.factoryReset();
            case RESET_ERROR_CODE -> set(0, ERROR_CODE, NO_ERROR);
            default -> {
            }
        }
    }
}
