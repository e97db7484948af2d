package dk.vum.barometer.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact rational number, always in lowest terms with a positive denominator. Report figures are
 * kept exact so that rankings and ties never depend on floating-point error; they are rounded only
 * for display ({@link #round(int)}).
 */
public record Fraction(long numerator, long denominator) implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(0, 1);

    public Fraction {
        if (denominator == 0) throw new ArithmeticException("denominator is zero");
        if (denominator < 0) {
            numerator = Math.negateExact(numerator);
            denominator = Math.negateExact(denominator);
        }
        long gcd = gcd(Math.abs(numerator), denominator);
        if (gcd > 1) {
            numerator /= gcd;
            denominator /= gcd;
        }
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    public Fraction plus(Fraction other) {
        return new Fraction(
                Math.addExact(Math.multiplyExact(numerator, other.denominator), Math.multiplyExact(other.numerator, denominator)),
                Math.multiplyExact(denominator, other.denominator));
    }

    public Fraction minus(Fraction other) {
        return plus(new Fraction(Math.negateExact(other.numerator), other.denominator));
    }

    public Fraction dividedBy(long divisor) {
        return new Fraction(numerator, Math.multiplyExact(denominator, divisor));
    }

    public Fraction times(long factor) {
        return new Fraction(Math.multiplyExact(numerator, factor), denominator);
    }

    public Fraction abs() {
        return numerator < 0 ? new Fraction(Math.negateExact(numerator), denominator) : this;
    }

    public double doubleValue() {
        return (double) numerator / denominator;
    }

    /** Rounded half away from zero to {@code scale} decimals (so +0.05 and -0.05 round alike). */
    public BigDecimal round(int scale) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Fraction other) {
        return Long.compare(Math.multiplyExact(numerator, other.denominator), Math.multiplyExact(other.numerator, denominator));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
