package cn.yibao.portal.policy;

import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.policy.api.PolicyFigure;
import cn.yibao.portal.policy.domain.CatalogFile;
import cn.yibao.portal.policy.domain.PolicyDocument;
import cn.yibao.portal.shared.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads every {@code policy/documents/*.csv} at start-up. Any problem (unknown region, bad value, negative amount,
 * missing citation, a figure given twice, overlapping collection windows) stops the start with every problem
 * listed by file and line.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyCatalogLoader {

    public static final String LOCATION = "classpath*:policy/documents/*.csv";

    @Bean
    PolicyCatalog policyCatalog(RegionCatalog regions) {
        return load(LOCATION, regions);
    }

    public static PolicyCatalog load(String location, RegionCatalog regions) {
        List<PolicyDocument> documents = new ArrayList<>();
        List<PolicyFigure> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Resource file : files(location)) {
            CatalogFile.Parsed parsed = CatalogFile.parse(file.getFilename(), lines(file), regions::contains);
            problems.addAll(parsed.problems());
            if (parsed.document() != null) {
                documents.add(parsed.document());
            }
            figures.addAll(parsed.figures());
        }
        if (documents.isEmpty() && problems.isEmpty()) {
            problems.add("no policy documents found at " + location);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The policy catalog is invalid:\n  " + String.join("\n  ", problems));
        }
        try {
            return PolicyCatalog.of(documents, figures, regions.withDescendants(Region.NATIONAL));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The policy catalog is invalid: " + e.getMessage(), e);
        }
    }

    private static List<Resource> files(String location) {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(location))
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        }
    }

    private static List<String> lines(Resource file) {
        try {
            return file.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFilename(), e);
        }
    }
}
