package cn.yibao.portal.upstream.domain;

import java.util.Map;
import java.util.UUID;

/**
 * A record as it is stored: the person by resident id, never by ID number. Records are values, so "the same record
 * again" is plain equality.
 */
public sealed interface UpstreamRecord
        permits SettlementRecord, QualificationRecord, PrescriptionRecord, AssistanceRecord, ContributionRecord {

    /** What identifies the record upstream (结算单号, 认定编号, …); for listings the person and the list date. */
    String key();

    UUID residentId();

    UpstreamRecord withResident(UUID residentId);

    /** The record's content by file field name (the person as {@code certno}), to name the fields that differ. */
    Map<String, Object> fields();
}
