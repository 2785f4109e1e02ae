package fr.esante.medimail.backoffice.staff.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The links the pages write are left as written. With the resource chain on (for the pre-compressed DSFR files), Spring
 * Boot would register {@link ResourceUrlEncodingFilter}, which rewrites links to versioned static files: since static
 * files are served from {@code /**}, it took every link of a page (five per queue item, each with its id) for a
 * possible static file and searched the whole classpath for it, missing every time and caching no miss: 70 % of the
 * queue page's CPU. This service versions no static file, so there is nothing to rewrite.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
