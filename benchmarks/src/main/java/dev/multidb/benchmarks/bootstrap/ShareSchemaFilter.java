package dev.multidb.benchmarks.bootstrap;

import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For the {@code plain-all} side: a plain Hibernate factory that maps all 50 types but creates only the
 * tables of its database's share, so that every side leaves the databases with the same tables.
 */
record ShareSchemaFilter(Set<String> tables) implements SchemaFilter, SchemaFilterProvider {

    static ShareSchemaFilter of(int alias, int aliases) {
        return new ShareSchemaFilter(BootstrapModel.entitiesOf(alias, aliases).stream()
                .map(type -> type.getSimpleName().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public boolean includeNamespace(Namespace namespace) {
        return true;
    }

    @Override
    public boolean includeTable(Table table) {
        return tables.contains(table.getName().toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean includeSequence(Sequence sequence) {
        return true;
    }

    @Override
    public SchemaFilter getCreateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return this;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return this;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return this;
    }
}
