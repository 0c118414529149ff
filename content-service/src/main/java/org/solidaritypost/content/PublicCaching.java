package org.solidaritypost.content;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Public content carries an ETag, so that a page reloaded by thousands of visitors is
 * answered with 304 Not Modified instead of the whole body.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> contentETags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/content/*");
		return registration;
	}

}
