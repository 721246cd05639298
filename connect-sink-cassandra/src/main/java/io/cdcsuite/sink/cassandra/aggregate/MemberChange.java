package io.cdcsuite.sink.cassandra.aggregate;

import java.util.List;

import io.cdcsuite.sink.cassandra.write.RecordPosition;

/**
 * The last change of one source row in a batch, as far as one aggregate is concerned.
 *
 * @param memberKey  the source row's primary key, as text
 * @param version    the change's write timestamp: orders it against what an earlier run already applied
 * @param membership the row's new place, or null when it no longer counts (deleted, filtered out)
 * @param positions  every record of the batch this change stands for
 */
record MemberChange(String memberKey, long version, Membership membership, List<RecordPosition> positions) {
}
