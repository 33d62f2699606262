package cn.yibao.portal.benefit.web;

import cn.yibao.portal.benefit.domain.InvalidEstimateRequest;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Reading what pages and the API share: the benefit year parameter and the estimator's choices. */
final class BenefitRequests {

    private BenefitRequests() {
    }

    static Optional<Integer> year(ServerRequest request) {
        return request.queryParam("year").filter(y -> y.matches("\\d{4}")).map(Integer::valueOf);
    }

    /** One of the enum's names, or a refusal that lists the allowed values. */
    static <E extends Enum<E>> E option(Class<E> type, String value, String field) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.strip())) {
                    return constant;
                }
            }
        }
        throw new InvalidEstimateRequest(field, Phrase.of("benefit.request.oneOf", field,
                PhraseLists.series(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
    }
}
