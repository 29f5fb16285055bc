package dev.multidb.liquibase.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.liquibase.ChangeSetId;
import liquibase.Labels;
import liquibase.change.ColumnConfig;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.InsertDataChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;

class MixedChangesTest {

    private static final ChangeSetId ID = new ChangeSetId("app", "v1.xml", "1", "ann");

    private static ChangeSet changeSet(liquibase.change.Change... changes) {
        ChangeSet changeSet = new ChangeSet("1", "ann", false, false, "app/v1.xml", null, null, null);
        for (liquibase.change.Change change : changes) {
            changeSet.addChange(change);
        }
        return changeSet;
    }

    private static CreateTableChange createTable() {
        CreateTableChange change = new CreateTableChange();
        change.setTableName("t");
        change.addColumn(new ColumnConfig().setName("id").setType("int"));
        return change;
    }

    private static InsertDataChange insert() {
        InsertDataChange change = new InsertDataChange();
        change.setTableName("t");
        return change;
    }

    @Test
    void schemaAndDataChangesInOneChangeSetAreMixed() {
        assertThat(MixedChanges.describeIfMixed(ID, changeSet(createTable(), insert())))
                .isEqualTo("app/v1.xml::1::ann mixes schema changes (createTable) with data changes (insert)");
    }

    @Test
    void sqlIsClassifiedStatementByStatement() {
        assertThat(MixedChanges.describeIfMixed(ID, changeSet(new RawSQLChange(
                "-- a comment\nCREATE TABLE t (id INT);\n insert into t values (1);"))))
                .isEqualTo("app/v1.xml::1::ann mixes schema changes (sql CREATE) with data changes (sql INSERT)");
        assertThat(MixedChanges.describeIfMixed(ID, changeSet(new RawSQLChange("UPDATE t SET id = 2; DELETE FROM t"))))
                .isNull();
    }

    @Test
    void onlySchemaOnlyDataOrNeutralChangesAreNotMixed() {
        assertThat(MixedChanges.describeIfMixed(ID, changeSet(createTable(), createTable()))).isNull();
        assertThat(MixedChanges.describeIfMixed(ID, changeSet(insert(), new TagDatabaseChange()))).isNull();
    }

    @Test
    void theAcceptLabelLetsAMixedChangeSetThrough() {
        ChangeSet changeSet = changeSet(createTable(), insert());
        changeSet.setLabels(new Labels("release-2, multidb:accept-mixed"));

        assertThat(MixedChanges.describeIfMixed(ID, changeSet)).isNull();
    }

    @Test
    void theCheckAppliesWhereSchemaChangesAreNotTransactional() {
        assertThat(MixedChanges.applies("mariadb")).isTrue();
        assertThat(MixedChanges.applies("mysql")).isTrue();
        assertThat(MixedChanges.applies("h2")).isTrue();
        assertThat(MixedChanges.applies("postgresql")).isFalse();
    }
}
