// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

/**
 * Broker's representation of a {@code real}: CAF's {@code pack754}/{@code unpack754}
 * ({@code caf/detail/ieee_754.hpp}), reproduced operation for operation because it is not plain IEEE-754.
 * Normal finite values get their IEEE-754 bits, but
 * <ul>
 * <li>NaN is {@code 0xFFFFFFFFFFFFFFFF}, and <b>+inf is {@code 0xFFF0000000000000} while -inf is
 * {@code 0x7FF0000000000000}</b> (the IEEE sign bits swapped);</li>
 * <li>subnormals are normalised with an exponent below the field's range that wraps into the sign and exponent
 * bits (the smallest subnormal packs as {@code 0xFCD0000000000000} and comes back as -2<sup>974</sup>;
 * 2<sup>-1023</sup> packs as 0);</li>
 * <li>unpacking never yields a subnormal by bit copy: an exponent field of 0 is taken as 2<sup>-1023</sup> with an
 * implicit leading one, and 2047 as 2<sup>1024</sup> (overflowing to infinity) unless it is one of the special
 * patterns above.</li>
 * </ul>
 * Halving one step at a time matters: it rounds at each step, exactly like the C++ loop.
 */
final class Ieee754 {

    static final long PACKED_NZERO = 0x8000_0000_0000_0000L;
    static final long PACKED_NAN = 0xFFFF_FFFF_FFFF_FFFFL;
    static final long PACKED_PINF = 0xFFF0_0000_0000_0000L;
    static final long PACKED_NINF = 0x7FF0_0000_0000_0000L;

    private static final int SIGNIFICAND_BITS = 52;
    private static final int BIAS = 1023;

    private Ieee754() {
    }

    static long pack(double f) {
        if (Double.isNaN(f)) {
            return PACKED_NAN;
        }
        if (Double.isInfinite(f)) {
            return f < 0 ? PACKED_NINF : PACKED_PINF;
        }
        if (f == 0.0) {
            return Double.doubleToRawLongBits(f) < 0 ? PACKED_NZERO : 0L;
        }
        long sign = f < 0 ? 1 : 0;
        double fnorm = Math.abs(f);
        long shift = 0;
        while (fnorm >= 2.0) {
            fnorm /= 2.0;
            ++shift;
        }
        while (fnorm < 1.0) {
            fnorm *= 2.0;
            --shift;
        }
        fnorm = fnorm - 1.0;
        double pownum = (double) (1L << SIGNIFICAND_BITS);
        long significand = (long) (fnorm * (pownum + 0.5));
        long exp = shift + BIAS; // may be negative for subnormals; wraps into the top bits like the C++ uint64_t
        return (sign << 63) | (exp << SIGNIFICAND_BITS) | significand;
    }

    static double unpack(long i) {
        if (i == 0L) {
            return 0.0;
        } else if (i == PACKED_NZERO) {
            return -0.0;
        } else if (i == PACKED_PINF) {
            return Double.POSITIVE_INFINITY;
        } else if (i == PACKED_NINF) {
            return Double.NEGATIVE_INFINITY;
        } else if (i == PACKED_NAN) {
            return Double.NaN;
        }
        double result = (double) (i & ((1L << SIGNIFICAND_BITS) - 1));
        result /= (double) (1L << SIGNIFICAND_BITS);
        result += 1.0;
        long shift = ((i >> SIGNIFICAND_BITS) & 0x7FF) - BIAS;
        while (shift > 0) {
            result *= 2.0;
            --shift;
        }
        while (shift < 0) {
            result /= 2.0;
            ++shift;
        }
        return result * ((i >>> 63) != 0 ? -1.0 : 1.0);
    }
}
