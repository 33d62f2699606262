package cn.yibao.portal.policy;

import cn.yibao.portal.shared.Region;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The regions the portal knows, read once at start-up from {@code policy/regions.csv}. */
@Component
public class RegionCatalog {

    static final String RESOURCE = "policy/regions.csv";

    private final Map<String, Region> regions;
    private final Map<String, List<Region>> childrenByParent;

    public RegionCatalog() {
        this.regions = load();
        Map<String, List<Region>> children = new HashMap<>();
        regions.values().stream()
                .filter(region -> region.parentCode() != null)
                .sorted(Comparator.comparing(Region::code))
                .forEach(region -> children.computeIfAbsent(region.parentCode(), key -> new ArrayList<>()).add(region));
        children.replaceAll((parent, list) -> List.copyOf(list));
        this.childrenByParent = Map.copyOf(children);
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code).map(regions::get);
    }

    public boolean contains(String code) {
        return regions.containsKey(code);
    }

    /** The region and its ancestors up to and including national: the policy lookup order. */
    public List<String> pathToNational(String code) {
        List<String> path = new ArrayList<>();
        Region region = regions.get(code);
        while (region != null) {
            path.add(region.code());
            region = region.parentCode() == null ? null : regions.get(region.parentCode());
        }
        return List.copyOf(path);
    }

    /** The regions directly below one, in code order. */
    public List<Region> children(String code) {
        return childrenByParent.getOrDefault(code, List.of());
    }

    /** The region and every region below it. */
    public List<Region> withDescendants(String code) {
        List<Region> all = new ArrayList<>();
        find(code).ifPresent(all::add);
        for (int next = 0; next < all.size(); next++) {
            all.addAll(children(all.get(next).code()));
        }
        return all;
    }

    /**
     * How people name a place: province down to the region, without 全国 and without the statistical grouping
     * levels (市辖区, 县, 省直辖县级行政区划), e.g. "福建省福州市", "北京市", "河南省济源市".
     */
    public String displayName(String code, String separator) {
        List<String> names = new ArrayList<>();
        for (String ancestor : pathToNational(code)) {
            Region region = regions.get(ancestor);
            if (region.level() != Region.Level.NATIONAL && !isGrouping(region)) {
                names.add(0, region.name());
            }
        }
        return names.isEmpty() ? code : String.join(separator, names);
    }

    /** Code-list levels that only group others: a person would never name them. */
    public static boolean isGrouping(Region region) {
        return region.isGrouping();
    }

    private static Map<String, Region> load() {
        Map<String, Region> byCode = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                try {
                    Region region = new Region(fields[0], fields[1], Region.Level.valueOf(fields[2]),
                            fields[3].isBlank() ? null : fields[3]);
                    if (byCode.putIfAbsent(region.code(), region) != null) {
                        throw new IllegalArgumentException("duplicate region " + region.code());
                    }
                } catch (RuntimeException e) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return Map.copyOf(byCode);
    }
}
