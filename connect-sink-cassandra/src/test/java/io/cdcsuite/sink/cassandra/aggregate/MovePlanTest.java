package io.cdcsuite.sink.cassandra.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.aggregate.AggregateStore.MemberWrite;
import io.cdcsuite.sink.cassandra.aggregate.MovePlan.Known;

class MovePlanTest {
    private static final List<Object> A = List.of(1);
    private static final List<Object> B = List.of(2);
    private static final List<Object> C = List.of(3);

    @Test
    void aNewRowIsInsertedIntoItsSlot() {
        MemberChange change = change("k", 10, B, "5.00");

        MovePlan plan = MovePlan.of(List.of(change), Arrays.asList((Known) null));

        assertThat(plan.writes()).containsOnlyKeys(B);
        assertThat(plan.writes().get(B)).containsExactly(new MemberWrite("k", 10, contributions("5.00")));
        assertThat(plan.touched()).containsExactly(B);
        assertThat(plan.applied()).containsExactly(change);
    }

    @Test
    void aMoveInsertsIntoTheNewSlotAndDeletesFromTheRecordedOne() {
        MovePlan plan = MovePlan.of(List.of(change("k", 10, B, "5.00")), List.of(new Known(7, A, null)));

        assertThat(plan.writes().get(B)).containsExactly(new MemberWrite("k", 10, contributions("5.00")));
        assertThat(plan.writes().get(A)).containsExactly(new MemberWrite("k", 10, null));
        assertThat(plan.touched()).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void changesNotNewerThanTheRecordedVersionAreSkipped() {
        MovePlan plan = MovePlan.of(List.of(change("k", 10, B, "5.00"), change("j", 3, B, "1.00")),
                List.of(new Known(10, A, null), new Known(4, C, null)));

        assertThat(plan.writes()).isEmpty();
        assertThat(plan.touched()).isEmpty();
        assertThat(plan.applied()).isEmpty();
    }

    @Test
    void earlierChangesOfTheBatchNewerThanTheRecordedVersionAreCleanedUp() {
        // an interrupted run may have inserted the row into B (version 8) or C (version 9) without recording it
        MemberChange change = change("k", 12, A, "1.00")
                .after(change("k", 9, C, "2.00").after(change("k", 8, B, "3.00").after(change("k", 5, C, "4.00"))));

        MovePlan plan = MovePlan.of(List.of(change), List.of(new Known(6, null, null)));

        assertThat(plan.writes().get(A)).containsExactly(new MemberWrite("k", 12, contributions("1.00")));
        assertThat(plan.writes().get(B)).containsExactly(new MemberWrite("k", 12, null));
        assertThat(plan.writes().get(C)).containsExactly(new MemberWrite("k", 12, null));
        assertThat(plan.touched()).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void earlierChangesAlreadyRecordedNeedNoCleanUp() {
        MemberChange change = change("k", 12, A, "1.00").after(change("k", 8, B, "3.00"));

        MovePlan plan = MovePlan.of(List.of(change), List.of(new Known(8, B, null)));

        // B is the recorded slot: deleted as a move, not as a clean-up, and only once
        assertThat(plan.writes().get(B)).containsExactly(new MemberWrite("k", 12, null));
        assertThat(plan.writes()).containsOnlyKeys(A, B);
    }

    @Test
    void aChangeTheAggregateDoesNotSeeIsSkippedOnlyWhenTheContributionsAreKnown() {
        MemberChange change = change("k", 12, A, "1.00");

        assertThat(MovePlan.of(List.of(change), List.of(new Known(8, A, contributions("1.00")))).applied()).isEmpty();
        assertThat(MovePlan.of(List.of(change), List.of(new Known(8, A, contributions("1.0")))).applied())
                .as("1.0 is not 1.00 to the aggregate").containsExactly(change);
        assertThat(MovePlan.of(List.of(change), List.of(new Known(8, A, null))).applied())
                .as("read from Cassandra: contributions unknown").containsExactly(change);
    }

    @Test
    void aDeleteRemovesTheRowAndADeleteOfANonMemberDoesNothing() {
        MemberChange delete = new MemberChange("k", 12, null, List.of(), List.of(), false);

        MovePlan plan = MovePlan.of(List.of(delete), List.of(new Known(8, A, null)));
        assertThat(plan.writes().get(A)).containsExactly(new MemberWrite("k", 12, null));
        assertThat(plan.applied()).containsExactly(delete);

        assertThat(MovePlan.of(List.of(delete), List.of(new Known(8, null, null))).applied()).isEmpty();
        assertThat(MovePlan.of(List.of(delete), Arrays.asList((Known) null)).writes()).isEmpty();
    }

    static MemberChange change(String key, long version, List<Object> slot, String amount) {
        return new MemberChange(key, version, new Membership(slot, contributions(amount)), List.of(), List.of(), false);
    }

    private static List<Object> contributions(String amount) {
        return List.of((byte) 1, new BigDecimal(amount));
    }
}
