package dev.multidb.internal.relations;

import dev.multidb.CrossDatabaseRelationException;
import dev.multidb.internal.routing.RouterChain;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, before the factory exists, every association whose two ends are routed to different databases.
 *
 * <p>Django checks a relation only when an instance is assigned, and Hibernate Shards checked at save
 * time by loading lazy associations. An association across databases can be neither joined nor lazily
 * loaded, so the mapping itself is wrong and is refused at bootstrap: the routers are asked with empty
 * hints for both ends (reads and writes), and an association fails unless both ends land in one alias
 * group (an alias and its replicas) or {@code allowRelation(ownerClass, targetClass)} answers true.
 * Every offender is reported at once, so one start-up shows the whole list.
 */
public final class RelationValidation {

    private final RouterChain chain;
    private final AliasGroups groups;

    public RelationValidation(RouterChain chain, AliasGroups groups) {
        this.chain = chain;
        this.groups = groups;
    }

    /** @throws CrossDatabaseRelationException listing every offending association */
    public void validate(Metamodel metamodel) {
        Set<String> offences = new LinkedHashSet<>();
        List<EntityType<?>> entities = metamodel.getEntities().stream()
                .sorted(Comparator.comparing(EntityType::getName)).toList();
        for (EntityType<?> entity : entities) {
            Class<?> owner = entity.getJavaType();
            if (owner != null) {
                checkAttributes(owner, entity, "", offences, 0);
            }
        }
        if (!offences.isEmpty()) {
            throw new CrossDatabaseRelationException(offences.size() + (offences.size() == 1
                    ? " association crosses databases" : " associations cross databases")
                    + "; Hibernate can neither join nor lazily load across databases, so the factory was not built:\n- "
                    + String.join("\n- ", offences)
                    + "\nRoute both ends to the same alias, make a router's allowRelation(a, b) answer true for the two"
                    + " classes (at bootstrap it is asked with the Class objects), or replace the association by an"
                    + " id attribute.");
        }
    }

    private void checkAttributes(Class<?> owner, ManagedType<?> type, String prefix, Set<String> offences, int depth) {
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            String path = prefix + attribute.getName();
            Type<?> target = targetOf(attribute);
            if (target == null) {
                continue;
            }
            if (target instanceof EntityType<?> entity && entity.getJavaType() != null) {
                check(owner, path, kindOf(attribute), entity.getJavaType(), offences);
            } else if (target instanceof EmbeddableType<?> embeddable && depth < 8) {
                checkAttributes(owner, embeddable, path + ".", offences, depth + 1);
            }
        }
    }

    private static Type<?> targetOf(Attribute<?, ?> attribute) {
        if (attribute instanceof SingularAttribute<?, ?> singular) {
            return singular.getType();
        }
        if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
            return plural.getElementType();
        }
        return null;
    }

    private static String kindOf(Attribute<?, ?> attribute) {
        return attribute.getPersistentAttributeType().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void check(Class<?> owner, String attribute, String kind, Class<?> target, Set<String> offences) {
        String ownerRead = chain.staticDbForRead(owner);
        String ownerWrite = chain.staticDbForWrite(owner);
        String targetRead = chain.staticDbForRead(target);
        String targetWrite = chain.staticDbForWrite(target);
        if (groups.sameGroup(ownerRead, targetRead) && groups.sameGroup(ownerWrite, targetWrite)) {
            return;
        }
        if (Boolean.TRUE.equals(chain.askAllowRelation(owner, target))) {
            return;
        }
        offences.add(owner.getName() + "." + attribute + " (" + kind + ") refers to " + target.getName() + ": "
                + owner.getSimpleName() + " is " + placement(ownerRead, ownerWrite) + ", "
                + target.getSimpleName() + " is " + placement(targetRead, targetWrite) + ".");
    }

    private static String placement(String read, String write) {
        return read.equals(write) ? "routed to '" + read + "'"
                : "read from '" + read + "' and written to '" + write + "'";
    }
}
