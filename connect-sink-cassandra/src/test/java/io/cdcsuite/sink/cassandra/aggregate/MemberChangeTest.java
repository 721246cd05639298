package io.cdcsuite.sink.cassandra.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MemberChangeTest {
    @Test
    void aCoalescedChangeKeepsEachEarlierSlotOnceWithItsLatestVersion() {
        MemberChange first = MovePlanTest.change("k", 1, List.of(7), "1.00");
        MemberChange second = new MemberChange("k", 2, null, List.of(), List.of(), false);
        MemberChange third = MovePlanTest.change("k", 3, List.of(8), "2.00");
        MemberChange fourth = MovePlanTest.change("k", 4, List.of(7), "3.00");
        MemberChange last = MovePlanTest.change("k", 5, List.of(9), "4.00");

        MemberChange coalesced = last.after(fourth.after(third.after(second.after(first))));

        assertThat(coalesced.version()).isEqualTo(5);
        assertThat(coalesced.slot()).isEqualTo(List.of(9));
        assertThat(coalesced.earlier()).containsExactly(new MemberChange.Earlier(4, List.of(7)),
                new MemberChange.Earlier(3, List.of(8)));
    }
}
