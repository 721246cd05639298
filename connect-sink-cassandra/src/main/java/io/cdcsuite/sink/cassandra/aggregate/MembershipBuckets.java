package io.cdcsuite.sink.cassandra.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which partition of the membership table holds a source row: CRC-32 of its member key, modulo {@link #COUNT}. Both
 * are part of the stored format — a table written with other values would be read in the wrong partitions.
 */
final class MembershipBuckets {
    /**
     * Enough to keep partitions moderate (about 100,000 rows, a few MB, at 100 million source rows), few enough that a
     * batch of thousands of changes writes several memberships per partition.
     */
    static final int COUNT = 1024;

    private MembershipBuckets() {
    }

    static int of(String memberKey) {
        CRC32 crc = new CRC32();
        crc.update(memberKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % COUNT);
    }
}
