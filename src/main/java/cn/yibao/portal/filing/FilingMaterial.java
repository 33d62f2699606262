package cn.yibao.portal.filing;

import cn.yibao.portal.filing.domain.Material;
import java.util.UUID;

/** An uploaded material as listed (without its content). */
public record FilingMaterial(UUID id, Material material, String fileName, String contentType, int size) {

    /** The content itself, served only to the filer and to staff of the filing's region. */
    public record File(String fileName, String contentType, byte[] content) {
    }
}
