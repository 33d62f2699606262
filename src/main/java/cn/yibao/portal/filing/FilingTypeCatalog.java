package cn.yibao.portal.filing;

import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.api.TypeRules;
import cn.yibao.portal.filing.domain.Material;
import cn.yibao.portal.policy.RegionCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The filing rules per type and region, read from {@code filing/types.csv} at start-up (a bad line stops the start). */
@Component
public class FilingTypeCatalog {

    static final String RESOURCE = "filing/types.csv";

    private final RegionCatalog regions;
    private final List<TypeRules> rows;

    FilingTypeCatalog(RegionCatalog regions) {
        this.regions = regions;
        this.rows = load(regions);
        for (FilingType type : FilingType.values()) {
            if (rows.stream().noneMatch(r -> r.type() == type && "000000".equals(r.regionCode()))) {
                throw new IllegalStateException(RESOURCE + ": no national row for " + type);
            }
        }
    }

    /** The rules for a type as they apply to a resident of the region: the nearest region's row wins. */
    public TypeRules rulesFor(FilingType type, String insuredRegion) {
        for (String code : regions.pathToNational(insuredRegion).isEmpty() ? List.of("000000")
                : regions.pathToNational(insuredRegion)) {
            Optional<TypeRules> found = rows.stream().filter(r -> r.type() == type && r.regionCode().equals(code)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        return rows.stream().filter(r -> r.type() == type && "000000".equals(r.regionCode())).findFirst().orElseThrow();
    }

    public List<TypeRules> typesFor(String insuredRegion) {
        return Arrays.stream(FilingType.values()).map(type -> rulesFor(type, insuredRegion)).toList();
    }

    private static List<TypeRules> load(RegionCatalog regions) {
        List<String> lines;
        try {
            lines = new ClassPathResource(RESOURCE).getContentAsString(StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<TypeRules> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] f = line.split(",", -1);
                if (f.length != 15) {
                    throw new IllegalArgumentException("expected 15 fields, found " + f.length);
                }
                if (!regions.contains(f[0])) {
                    throw new IllegalArgumentException("unknown region " + f[0]);
                }
                Set<Material> materials = EnumSet.noneOf(Material.class);
                if (!"-".equals(f[4])) {
                    Arrays.stream(f[4].split("\\|")).map(Material::valueOf).forEach(materials::add);
                }
                rules.add(new TypeRules(FilingType.valueOf(f[1]), f[0], f[2], f[3], Set.copyOf(materials),
                        Boolean.parseBoolean(f[5]), period(f[6]), period(f[7]), Integer.parseInt(f[8]), period(f[9]),
                        "-".equals(f[10]) ? null : Integer.valueOf(f[10]), Boolean.parseBoolean(f[11]),
                        Boolean.parseBoolean(f[12]), f[13], f[14]));
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }

    private static Period period(String text) {
        if ("-".equals(text)) {
            return null;
        }
        Period period = Period.parse(text);
        if (period.isNegative()) {
            throw new IllegalArgumentException("negative period " + text);
        }
        return period;
    }
}
