package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.workflowversions.reliability.WriteLoad.Write;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Compares what a {@link WriteLoad} was answered with what the database holds: every write answered 2xx is there
 * (none lost), nothing else is there except what was under way at the moment of the fault (in doubt: its answer may
 * have been lost after the commit), and what is there is whole and numbered without duplicates.
 */
final class Ledger {

    /** The figures of one check, printed into the test output. */
    record Figures(int sent, long succeeded, long refused, long unanswered, long rowsChecked, long inDoubt, long lost) {

        @Override
        public String toString() {
            return "requests sent " + sent + " (2xx " + succeeded + ", refused " + refused + ", unanswered " + unanswered
                    + "), rows checked " + rowsChecked + ", committed though not answered 2xx (in flight at the fault) "
                    + inDoubt + ", lost " + lost;
        }
    }

    private Ledger() {
    }

    /**
     * @param faultFrom start of the moment of the fault (System.nanoTime)
     * @param faultTo end of that moment
     */
    static Figures check(WriteLoad load, Db db, ProcessTenants t, long faultFrom, long faultTo) {
        List<Write> writes = load.writes();
        long rows = 0;
        long inDoubt = 0;

        // FrankieOne, definitions of their own: each 2xx one is there with exactly one version.
        Set<String> ownKeys = keys(load, "frankieone", w -> !w.target().equals(WriteLoad.SHARED_DEFINITION) && w.succeeded());
        Set<String> ownInDoubt = keys(load, "frankieone", w -> !w.target().equals(WriteLoad.SHARED_DEFINITION)
                && !w.succeeded() && w.inFlightDuring(faultFrom, faultTo));
        Set<String> stored = new HashSet<>(db.strings("select external_key from workflow where dialect = 'frankieone'"
                + " and tenant = ? and external_key like 'load-%'", t.customer));
        assertThat(stored).as("FrankieOne definitions answered 2xx").containsAll(ownKeys);
        Set<String> extra = new HashSet<>(stored);
        extra.removeAll(ownKeys);
        assertThat(ownInDoubt).as("FrankieOne definitions stored though not answered 2xx").containsAll(extra);
        assertThat(db.count("select count(*) from workflow w where w.dialect = 'frankieone' and w.tenant = ?"
                + " and w.external_key like 'load-%' and (select count(*) from workflow_version v"
                + " where v.workflow_id = w.id) <> 1", t.customer)).as("half-written definitions").isZero();
        rows += stored.size();
        inDoubt += extra.size();

        // FrankieOne, the shared definition: numbers 1..n without gaps or duplicates.
        List<Long> shared = db.longs("select v.number from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.dialect = 'frankieone' and w.tenant = ? and w.external_key = ? order by v.number",
                t.customer, WriteLoad.SHARED_DEFINITION);
        rows += checkNumbers("FrankieOne shared definition", load, "frankieone",
                w -> w.target().equals(WriteLoad.SHARED_DEFINITION), shared, faultFrom, faultTo, true);
        inDoubt += shared.size() - results(load, "frankieone", w -> w.target().equals(WriteLoad.SHARED_DEFINITION)).size();

        // SecMaster: every version id answered is stored; numbers are not duplicated.
        List<String> versions = db.strings("select v.public_id from workflow_version v join workflow w"
                + " on w.id = v.workflow_id where w.dialect = 'secmaster' and w.tenant = ?", t.project);
        inDoubt += checkIds("SecMaster versions", load, "secmaster", versions, faultFrom, faultTo);
        assertThat(db.count("select count(v.number) - count(distinct v.number) from workflow_version v join workflow w"
                + " on w.id = v.workflow_id where w.dialect = 'secmaster' and w.tenant = ?", t.project)).isZero();
        rows += versions.size();

        // Patchworks: every flow answered 201 is stored.
        List<String> flows = db.strings("select external_key from workflow where dialect = 'patchworks' and tenant = ?",
                t.company);
        inDoubt += checkIds("Patchworks flows", load, "patchworks", flows, faultFrom, faultTo);
        rows += flows.size();

        // Fortanix: every version answered is stored under its number; numbers are not duplicated (version 1 is
        // the graph's own first version).
        List<Long> graphVersions = db.longs("select v.number from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.dialect = 'fortanix' and w.tenant = ? and v.number > 1 order by v.number", t.account);
        rows += checkNumbers("Fortanix versions", load, "fortanix", w -> true, graphVersions, faultFrom, faultTo, false);
        inDoubt += graphVersions.size() - results(load, "fortanix", w -> true).size();

        long succeeded = writes.stream().filter(Write::succeeded).count();
        long unanswered = writes.stream().filter(w -> w.status() < 0).count();
        return new Figures(writes.size(), succeeded, writes.size() - succeeded - unanswered, unanswered, rows, inDoubt, 0);
    }

    private static long checkNumbers(String what, WriteLoad load, String dialect, java.util.function.Predicate<Write> filter,
            List<Long> stored, long faultFrom, long faultTo, boolean fromOne) {
        Set<Long> answered = results(load, dialect, filter).stream().map(Long::valueOf).collect(Collectors.toSet());
        assertThat(stored).as(what + ": numbers not duplicated").doesNotHaveDuplicates();
        assertThat(stored).as(what + ": every number answered 2xx is stored").containsAll(answered);
        long doubtful = load.of(dialect, w -> filter.test(w) && !w.succeeded() && w.inFlightDuring(faultFrom, faultTo)).size();
        assertThat((long) stored.size() - answered.size()).as(what + ": stored though not answered 2xx")
                .isLessThanOrEqualTo(doubtful);
        if (fromOne) {
            assertThat(stored).as(what + ": gap-free").containsExactlyElementsOf(
                    LongStream.rangeClosed(1, stored.size()).boxed().toList());
        }
        return stored.size();
    }

    private static long checkIds(String what, WriteLoad load, String dialect, List<String> stored, long faultFrom, long faultTo) {
        List<String> answered = results(load, dialect, w -> true);
        assertThat(stored).as(what + ": every id answered 2xx is stored").containsAll(answered);
        long doubtful = load.of(dialect, w -> !w.succeeded() && w.inFlightDuring(faultFrom, faultTo)).size();
        long extra = stored.size() - answered.size();
        assertThat(extra).as(what + ": stored though not answered 2xx").isLessThanOrEqualTo(doubtful);
        return extra;
    }

    private static List<String> results(WriteLoad load, String dialect, java.util.function.Predicate<Write> filter) {
        return load.of(dialect, w -> filter.test(w) && w.succeeded()).stream().map(Write::result).toList();
    }

    private static Set<String> keys(WriteLoad load, String dialect, java.util.function.Predicate<Write> filter) {
        return load.of(dialect, filter).stream().map(Write::target).collect(Collectors.toSet());
    }
}
