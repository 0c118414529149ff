package org.solidaritypost.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Installs {@link ProblemAnswers} and {@link RequestIds} in every servlet service that
 * has this module, and answers what the container and the error page see as problems too.
 * Before Spring Boot's error page, which steps back for {@link ErrorProblems}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemAnswers.class, ErrorProblems.class })
public class ServiceWebAutoConfiguration {

	// the acting admin and the visitor's language, resolved alike in every service
	@Bean
	WebMvcConfigurer requestFacts() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new RequestFacts());
			}

		};
	}

	@Bean
	FilterRegistrationBean<RequestIds> requestIds() {
		FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenApiCustomizer.class)
	@EnableConfigurationProperties(ApiProperties.class)
	static class ApiDescription {

		@Bean
		ApiDescriptions apiDescriptions(ApiProperties api) {
			// resolved from headers and parameters the descriptions name on their own
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(ActingAdmin.class, VisitorLanguage.class);
			return new ApiDescriptions(api);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class Tomcat {

		// after Spring Boot's own customizer, whose error report this one replaces
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerProblems() {
			return (factory) -> factory.addContextCustomizers(ContainerProblems.installer());
		}

	}

}
