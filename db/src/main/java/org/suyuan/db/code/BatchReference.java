package org.suyuan.db.code;

/** A batch named by a GS1 Digital Link, with the organization it belongs to. */
public record BatchReference(Long batchId, Long organizationId) {}
