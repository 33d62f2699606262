package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.NationalId;

/**
 * A line that passed the field rules: where it is in the file, whom it names, and the record it carries (with the
 * resident id once the person has been found).
 */
public record ImportLine(int line, NationalId certno, String name, UpstreamRecord record) {

    ImportLine withRecord(UpstreamRecord newRecord) {
        return new ImportLine(line, certno, name, newRecord);
    }
}
