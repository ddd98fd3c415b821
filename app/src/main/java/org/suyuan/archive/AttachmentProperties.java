package org.suyuan.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on photos and test reports. Phones produce 3–8 MB photos; 10 MB leaves room without letting one upload
 * fill the database. Keep {@code spring.servlet.multipart.max-file-size} at least as large.
 *
 * @param maxSize the largest attachment accepted
 */
@ConfigurationProperties("suyuan.attachments")
record AttachmentProperties(@DefaultValue("10MB") DataSize maxSize) {}
