// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** CAF's pack754/unpack754, quirks included: what Broker really puts on the wire for a real. */
class Ieee754Test {

    @Test
    void normalValuesAreTheirIeeeBits() {
        Random random = new Random(754);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d) && Math.abs(d) >= Double.MIN_NORMAL) {
                assertThat(Ieee754.pack(d)).as("%s", d).isEqualTo(Double.doubleToRawLongBits(d));
                assertThat(Ieee754.unpack(Ieee754.pack(d))).isEqualTo(d);
            }
        }
        assertThat(Ieee754.pack(Double.MAX_VALUE)).isEqualTo(0x7FEF_FFFF_FFFF_FFFFL);
        assertThat(Ieee754.pack(Double.MIN_NORMAL)).isEqualTo(0x0010_0000_0000_0000L);
        assertThat(Ieee754.pack(-Double.MIN_NORMAL)).isEqualTo(0x8010_0000_0000_0000L);
    }

    @Test
    void specialValuesHaveCafPatternsWithInfinitySignsSwapped() {
        assertThat(Ieee754.pack(Double.NaN)).isEqualTo(0xFFFF_FFFF_FFFF_FFFFL);
        assertThat(Ieee754.pack(Double.longBitsToDouble(0x7FF8_0000_0000_0001L))).isEqualTo(-1L);
        assertThat(Ieee754.pack(Double.POSITIVE_INFINITY)).isEqualTo(0xFFF0_0000_0000_0000L);
        assertThat(Ieee754.pack(Double.NEGATIVE_INFINITY)).isEqualTo(0x7FF0_0000_0000_0000L);
        assertThat(Ieee754.pack(0.0)).isZero();
        assertThat(Ieee754.pack(-0.0)).isEqualTo(0x8000_0000_0000_0000L);

        assertThat(Ieee754.unpack(0xFFFF_FFFF_FFFF_FFFFL)).isNaN();
        assertThat(Ieee754.unpack(0xFFF0_0000_0000_0000L)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Ieee754.unpack(0x7FF0_0000_0000_0000L)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(Ieee754.unpack(0x8000_0000_0000_0000L)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void otherIeeeSpecialPatternsAreReadAsHugeNumbers() {
        // exponent 2047 means 2^1024, which overflows; the sign comes from the sign bit
        assertThat(Ieee754.unpack(0x7FF8_0000_0000_0000L)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Ieee754.unpack(0xFFF8_0000_0000_0000L)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Ieee754.unpack(0x7FF0_0000_0000_0001L)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void subnormalsWrapTheExponentIntoTheSignBit() {
        assertThat(Ieee754.pack(Double.MIN_VALUE)).isEqualTo(0xFCD0_0000_0000_0000L);
        assertThat(Ieee754.unpack(0xFCD0_0000_0000_0000L)).isEqualTo(-Math.scalb(1.0, 974));
        assertThat(Ieee754.pack(-Double.MIN_VALUE)).isEqualTo(0xFCD0_0000_0000_0000L);
        // 2^-1023 gets exponent field 0 and no significand bits: the pattern of +0
        assertThat(Ieee754.pack(Math.scalb(1.0, -1023))).isZero();
        // 1.5 * 2^-1024 gets exponent -1, i.e. all twelve top bits set: read back as -inf
        assertThat(Ieee754.pack(Math.scalb(1.5, -1024))).isEqualTo(0xFFF8_0000_0000_0000L);
        assertThat(Ieee754.unpack(0xFFF8_0000_0000_0000L)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void exponentFieldZeroUnpacksWithAnImplicitOne() {
        // (1 + 2^-52) * 2^-1023 rounds, halving step by step, to 2^-1023
        assertThat(Ieee754.unpack(0x0000_0000_0000_0001L)).isEqualTo(Math.scalb(1.0, -1023));
        assertThat(Ieee754.unpack(0x0008_0000_0000_0000L)).isEqualTo(Math.scalb(1.5, -1023));
        assertThat(Ieee754.unpack(0x8000_0000_0000_0001L)).isEqualTo(-Math.scalb(1.0, -1023));
    }
}
