package org.solidaritypost.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Resolves what every service reads from a request the same way: the {@link ActingAdmin}
 * and the {@link VisitorLanguage}.
 */
class RequestFacts implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ActingAdmin.class
				|| parameter.getParameterType() == VisitorLanguage.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		if (parameter.getParameterType() == ActingAdmin.class) {
			return ActingAdmin.fromHeader(request.getHeader(ActingAdmin.HEADER));
		}
		HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
		return VisitorLanguage.of(request.getParameter(VisitorLanguage.PARAMETER),
				(servlet != null) ? RequestContextUtils.getLocale(servlet) : null);
	}

}
