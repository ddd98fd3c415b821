/**
 * The audit log (审计日志): an append-only record of sign-ins, account and token changes, users and organizations
 * created, exports and recalls, each with who, when and a pseudonym of the client's network. Other features announce
 * what happened through their own events ({@code AccountActivity}, {@code OrganizationRegistered},
 * {@code EventRecorded}) or call {@link org.suyuan.audit.AuditLog} directly (exports).
 */
package org.suyuan.audit;
