package io.wisp.client.object.std;

/**
 * How a simulated IPSO sensor's reading behaves: where it starts, the range it stays in (also reported as Min/Max
 * Range Value, /x/x/5603 and 5604), the largest change per tick, and its units (/x/x/5701, SenML units).
 *
 * @param initial  the first reading, and the value the reading drifts back towards
 * @param minRange the lowest possible reading
 * @param maxRange the highest possible reading
 * @param step     the largest change of one tick
 * @param units    the units text
 */
public record SensorProfile(double initial, double minRange, double maxRange, double step, String units) {
    public SensorProfile {
        if (!(minRange <= initial && initial <= maxRange)) {
            throw new IllegalArgumentException("initial must lie in minRange..maxRange, got " + initial + " outside "
                    + minRange + ".." + maxRange);
        }
        if (!(step >= 0)) {
            throw new IllegalArgumentException("step must not be negative, got " + step);
        }
        java.util.Objects.requireNonNull(units, "units");
    }

    /**
     * A plausible profile for an IPSO object: room temperature in °C (3303), relative humidity in % (3304),
     * air pressure in hPa (3315), luminosity in lux (3301), and a 0..100 generic reading for any other sensor.
     */
    public static SensorProfile forObject(int objectId) {
        switch (objectId) {
            case 3303:
                return new SensorProfile(21.0, -40.0, 85.0, 0.3, "Cel");
            case 3304:
                return new SensorProfile(45.0, 0.0, 100.0, 0.8, "%RH");
            case 3315:
                return new SensorProfile(1013.25, 950.0, 1050.0, 0.4, "hPa");
            case 3301:
                return new SensorProfile(300.0, 0.0, 10_000.0, 25.0, "lx");
            default:
                return new SensorProfile(50.0, 0.0, 100.0, 1.0, "");
        }
    }
}
