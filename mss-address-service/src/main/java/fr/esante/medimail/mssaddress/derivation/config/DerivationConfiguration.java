package fr.esante.medimail.mssaddress.derivation.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.esante.medimail.mssaddress.derivation.AddressDerivation;
import fr.esante.medimail.mssaddress.derivation.ProfessionDomains;
import fr.esante.medimail.support.texts.UserTexts;

/** Keeps the derivation free of Spring: the configured table is turned into plain objects here. */
@Configuration(proxyBeanMethods = false)
class DerivationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DerivationConfiguration.class);

    @Bean
    ProfessionDomains professionDomains(MssAddressProperties properties) {
        ProfessionDomains domains = new ProfessionDomains(properties.professions(), properties.region());
        log.info("MSSante domains for {} professions in region '{}'", domains.all().size(), properties.region());
        return domains;
    }

    @Bean
    AddressDerivation addressDerivation(ProfessionDomains domains, UserTexts texts) {
        return new AddressDerivation(domains, new DerivationTexts(texts));
    }
}
