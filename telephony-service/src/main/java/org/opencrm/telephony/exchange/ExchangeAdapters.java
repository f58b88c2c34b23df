package org.opencrm.telephony.exchange;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The exchange adapters the service knows, by their format name. */
@Component
class ExchangeAdapters {

    private final List<ExchangeAdapter> adapters;

    ExchangeAdapters(List<ExchangeAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    Optional<ExchangeAdapter> find(String format) {
        return adapters.stream().filter(adapter -> adapter.name().equals(format)).findFirst();
    }

    List<String> names() {
        return adapters.stream().map(ExchangeAdapter::name).sorted().toList();
    }
}
