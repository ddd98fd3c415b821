/**
 * Administration (管理): what only administrators do, on pages and the API: create regulator accounts for a
 * jurisdiction, register organizations (生产经营主体) and their first users. Until this existed, an installation
 * without demo data could do neither except in SQL. Every action is in the audit log through the events of the
 * accounts and archive features.
 */
package org.suyuan.admin;
