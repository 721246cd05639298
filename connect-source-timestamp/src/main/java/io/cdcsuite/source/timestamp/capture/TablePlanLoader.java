package io.cdcsuite.source.timestamp.capture;

import java.sql.SQLException;

import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.plan.PlanResult;

/** Plans a table again from the current catalog, after a schema change. */
public interface TablePlanLoader {
    PlanResult load(TableId table) throws SQLException;
}
