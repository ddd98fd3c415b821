package org.suyuan.db.code;

import org.suyuan.db.archive.Batch;

/**
 * A code with the batch it stands for, read together, as a scan needs them.
 *
 * @param attachments how many attachments the batch has (a scan reads and rehashes them only when there are any)
 */
public record ScannedCode(IssuedCode code, Batch batch, long attachments) {}
