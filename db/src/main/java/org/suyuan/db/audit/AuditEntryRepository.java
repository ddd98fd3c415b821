package org.suyuan.db.audit;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The audit log: entries are added and read, never changed or removed (no update or delete is offered). */
public interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    /** The whole log, newest first: for administrators. */
    Page<AuditEntry> findAllByOrderByIdDesc(Pageable pageable);

    /** Entries of some actions whose region lies within a jurisdiction (a code prefix), newest first. */
    Page<AuditEntry> findAllByActionInAndRegionCodeStartingWithOrderByIdDesc(
            Collection<String> actions, String regionPrefix, Pageable pageable);

    long count();
}
